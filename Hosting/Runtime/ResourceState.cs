namespace Hosting;

/// <summary>Where a resource is in its life.</summary>
public enum ResourceStateKind
{
    /// <summary>Declared, not started yet.</summary>
    NotStarted,

    /// <summary>Waiting for its dependencies to be healthy.</summary>
    Waiting,

    /// <summary>Started, not yet healthy.</summary>
    Starting,

    /// <summary>Running and healthy.</summary>
    Running,

    /// <summary>Running, but its last health check failed.</summary>
    Unhealthy,

    /// <summary>Exited unexpectedly; waiting to be started again.</summary>
    Restarting,

    /// <summary>Could not be started; needs attention.</summary>
    FailedToStart,

    /// <summary>Being stopped.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Finished,
}

/// <summary>A snapshot of one resource, as the console and the dashboard show it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceStateKind State,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt,
    IReadOnlyList<string> Urls,
    int? ExitCode,
    string? Message)
{
    /// <summary>Whether the resource counts as healthy for <c>WaitFor</c>.</summary>
    public bool IsHealthy => State == ResourceStateKind.Running;
}
