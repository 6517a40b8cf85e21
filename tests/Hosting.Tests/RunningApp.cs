using Hosting.Testing;

namespace Hosting.Tests;

/// <summary>A model of the test's own, started on a state directory of its own and stopped (and removed) afterwards.</summary>
internal sealed class RunningApp : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempStateDirectory _state;

    private RunningApp(DistributedApplication app, TempStateDirectory state)
    {
        App = app;
        _state = state;
    }

    public DistributedApplication App { get; }

    public string StateDirectory => _state.Path;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<RunningApp> StartAsync(Action<DistributedApplicationBuilder, string> model, params (string Key, string Value)[] settings)
    {
        var state = new TempStateDirectory();
        Directory.CreateDirectory(state.Path);
        var configuration = new Dictionary<string, string?> { ["AppHost:StateDirectory"] = state.Path, ["AppHost:StopTimeout"] = "00:00:02" };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var builder = DistributedApplicationTestingBuilder.Create(configuration);
        model(builder, state.Path);
        var running = new RunningApp(builder.Build(), state);
        await running.App.StartWithinAsync(Timeout, Cancellation);
        return running;
    }

    public ResourceSnapshot Get(string name) => App.ResourceNotifications.Get(name);

    public Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate) =>
        App.ResourceNotifications.WaitForAsync(name, predicate, Cancellation).WaitAsync(Timeout, Cancellation);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        _state.Dispose();
    }
}

/// <summary>Small real processes to supervise.</summary>
internal static class TestResources
{
    /// <summary>python3's http.server on the resource's free port, healthy once the port answers.</summary>
    public static IResourceBuilder<ExecutableResource> AddWebServer(this DistributedApplicationBuilder builder, string name, string directory) =>
        builder.AddExecutable(name, "python3", directory, "-c",
                "import http.server,os; http.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler, port=int(os.environ['PORT']), bind='127.0.0.1')")
            .WithHttpEndpoint(env: "PORT");

    /// <summary>Writes two lines, then a third once <paramref name="marker"/> exists, then waits.</summary>
    public static IResourceBuilder<ExecutableResource> AddTalker(this DistributedApplicationBuilder builder, string name, string marker) =>
        builder.AddExecutable(name, "/bin/sh", "/", "-c",
            $"echo backlog-1; echo backlog-2 >&2; while [ ! -e '{marker}' ]; do sleep 0.05; done; echo live-1; exec sleep 600");

    /// <summary>Whether a process with this id exists (kill(pid, 0)).</summary>
    public static bool IsAlive(int pid) => Processes.Native.IsAlive(pid);

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
