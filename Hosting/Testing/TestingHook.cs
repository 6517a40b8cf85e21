using System.Reflection;

namespace Hosting.Testing;

/// <summary>
/// Lets a test run an AppHost's own <c>Main</c> up to <c>Build()</c> and take the application it built, with
/// configuration of its own on top (a temporary state directory, free ports), as Aspire's testing builder does.
/// </summary>
internal sealed class TestingHook(
    Assembly appHostAssembly, IReadOnlyDictionary<string, string?> configuration, Action<DistributedApplicationBuilder>? configure, bool captureOnBuild = true)
{
    private static readonly AsyncLocal<TestingHook?> Active = new();

    public static TestingHook? Current => Active.Value;

    public Assembly AppHostAssembly { get; } = appHostAssembly;

    public IReadOnlyDictionary<string, string?> Configuration { get; } = configuration;

    public Action<DistributedApplicationBuilder>? Configure { get; } = configure;

    public DistributedApplication? Application { get; private set; }

    public void Capture(DistributedApplication application)
    {
        Application = application;
        if (captureOnBuild)
        {
            throw new ApplicationCaptured();
        }
    }

    public DistributedApplication Run(string[] args)
    {
        Active.Value = this;
        try
        {
            var result = AppHostAssembly.EntryPoint!.Invoke(null, AppHostAssembly.EntryPoint.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (Exception ex) when (IsCapture(ex))
        {
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
        finally
        {
            Active.Value = null;
        }

        return Application ?? throw new InvalidOperationException("The AppHost's Main returned without calling Build().");
    }

    private static bool IsCapture(Exception ex) => ex is ApplicationCaptured || ex.InnerException is ApplicationCaptured;

    private sealed class ApplicationCaptured : Exception;
}
