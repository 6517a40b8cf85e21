namespace Hosting;

/// <summary>A resource the orchestrator runs as a process: a project, an executable, a database server.</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    /// <summary>The path probed over HTTP to decide the resource is healthy, if any.</summary>
    public string? HealthCheckPath { get; set; }

    /// <summary>The resource's HTTP endpoint, if it serves HTTP.</summary>
    public HttpEndpoint? Http { get; set; }

    /// <summary>Whether a crashed process is started again (with capped exponential backoff).</summary>
    public bool RestartOnFailure { get; set; } = true;

    /// <summary>
    /// Further named endpoints besides <see cref="Http"/> (the dashboard's OTLP receivers), each overridable with
    /// <c>Resources:{name}:{endpoint}Port</c>.
    /// </summary>
    public Dictionary<string, HttpEndpoint> AdditionalEndpoints { get; } = new(StringComparer.Ordinal);
}

/// <summary>A .NET project built with the application, run as <c>dotnet {TargetPath}</c>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project) : ProcessResource(name), IResourceWithServiceDiscovery
{
    /// <summary>Where the project and its build output are.</summary>
    public IProjectMetadata Project { get; } = project;

    /// <inheritdoc />
    public override string Kind => IsDashboard ? "dashboard" : "project";

    /// <summary>The dashboard: receives the telemetry of every other service and the AppHost's resource service.</summary>
    internal bool IsDashboard { get; init; }
}

/// <summary>Any executable, run with the given arguments and working directory.</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> args)
    : ProcessResource(name), IResourceWithServiceDiscovery
{
    /// <summary>The program to run (a path, or a name looked up on PATH).</summary>
    public string Command { get; } = command;

    /// <summary>The directory it runs in.</summary>
    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Its arguments.</summary>
    public IReadOnlyList<string> Args { get; } = args;

    /// <summary>The environment variable that receives the HTTP port, when the resource has an endpoint.</summary>
    public string? PortEnvironmentVariable { get; set; }

    /// <inheritdoc />
    public override string Kind => "executable";
}
