using System.Reflection;

namespace Hosting.Testing;

/// <summary>
/// Builds an AppHost's application for a test: its own <c>AppHost.cs</c> defines the model, the test adds
/// configuration (e.g. a temporary <c>AppHost:StateDirectory</c>) and may change the model before it is built.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>
    /// Runs <typeparamref name="TAppHost"/>'s entry point up to <c>Build()</c>. By default every port is free-chosen,
    /// nothing is printed and the state directory must be given.
    /// </summary>
    public static DistributedApplication Build<TAppHost>(
        IReadOnlyDictionary<string, string?> configuration, Action<DistributedApplicationBuilder>? configure = null, string[]? args = null)
        where TAppHost : IProjectMetadata, new()
    {
        var appHost = new TAppHost();
        var assembly = Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(appHost.TargetPath)));
        return new TestingHook(assembly, WithTestDefaults(configuration), configure).Run(args ?? []);
    }

    /// <summary>An empty builder for a model the test writes itself (same test defaults as <see cref="Build{TAppHost}"/>).</summary>
    public static DistributedApplicationBuilder Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var assembly = Assembly.GetCallingAssembly();
        return new DistributedApplicationBuilder([], assembly, new TestingHook(assembly, WithTestDefaults(configuration), null, captureOnBuild: false));
    }

    private static Dictionary<string, string?> WithTestDefaults(IReadOnlyDictionary<string, string?> configuration)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AppHost:UseDynamicPorts"] = "true",
            ["AppHost:ShowProgress"] = "false",
            ["AppHost:StreamConsole"] = "false",
        };
        foreach (var (key, value) in configuration)
        {
            settings[key] = value;
        }

        return settings;
    }
}
