namespace Hosting.Processes;

/// <summary>How to start one process of a resource.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>The full environment of the process (nothing else is inherited).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>An unprivileged user to run as (only honoured when the AppHost runs as root).</summary>
    public UnixUser? RunAs { get; init; }

    /// <summary>The signal that asks the process to stop cleanly (PostgreSQL: SIGINT, a fast and clean shutdown).</summary>
    public int StopSignal { get; init; } = Native.SigTerm;

    /// <summary>The container behind this process, when the process is a container engine's client.</summary>
    public string? ContainerName { get; init; }

    /// <summary>The container engine's command (docker or podman).</summary>
    public string? ContainerRuntime { get; init; }
}
