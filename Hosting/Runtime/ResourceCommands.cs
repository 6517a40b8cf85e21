namespace Hosting;

/// <summary>The commands a process resource accepts while the application runs (the dashboard's start, stop and restart).</summary>
public static class ResourceCommands
{
    /// <summary>Starts a resource that has finished, was stopped or failed to start; its dependencies are not waited for again once they have been healthy.</summary>
    public const string Start = "start";

    /// <summary>Stops a running resource with its stop signal (SIGKILL after the stop timeout); it is not restarted until started again.</summary>
    public const string Stop = "stop";

    /// <summary>Stops a running resource, then starts it again; the restart count is not increased (it counts crashes).</summary>
    public const string Restart = "restart";

    /// <summary>Every command name.</summary>
    public static IReadOnlyList<string> All { get; } = [Start, Stop, Restart];

    /// <summary>Whether <paramref name="command"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string command) => All.Contains(command, StringComparer.Ordinal);
}

/// <summary>Why a resource command did not run.</summary>
public enum ResourceCommandFailure
{
    /// <summary>It ran.</summary>
    None,

    /// <summary>There is no resource with that name.</summary>
    UnknownResource,

    /// <summary>The command is not one of <see cref="ResourceCommands.All"/>.</summary>
    UnknownCommand,

    /// <summary>The command does not apply to the resource now (its kind, its state, or the AppHost is stopping).</summary>
    NotApplicable,
}

/// <summary>The outcome of a resource command: it ran, or why not.</summary>
public sealed record ResourceCommandResult(bool Succeeded, string? Error, ResourceCommandFailure Failure = ResourceCommandFailure.None)
{
    /// <summary>The command ran.</summary>
    public static ResourceCommandResult Success { get; } = new(true, null);

    internal static ResourceCommandResult NotApplicable(string error) => new(false, error, ResourceCommandFailure.NotApplicable);
}
