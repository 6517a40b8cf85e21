namespace Dashboard.Resources;

/// <summary>One resource as the AppHost reports it. <see cref="State"/> is the AppHost's state name (Running, Finished, ...).</summary>
public sealed record ResourceViewModel(
    string Name,
    string Kind,
    string State,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt,
    IReadOnlyList<string> Urls,
    int? ExitCode,
    string? Message,
    IReadOnlyList<string> Commands,
    IReadOnlyList<EnvironmentVariableViewModel> Environment)
{
    /// <summary>Whether <paramref name="command"/> (<see cref="ResourceCommandNames"/>) applies now.</summary>
    public bool Offers(string command) => Commands.Contains(command, StringComparer.Ordinal);
}

/// <summary>A variable the AppHost set for the resource; a secret's value arrives already masked.</summary>
public sealed record EnvironmentVariableViewModel(string Name, string Value, bool IsSecret);

/// <summary>One line of a resource's console output; <see cref="Sequence"/> increases by one per line of that resource.</summary>
public sealed record ConsoleLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>What became of a command: it ran, or why not (in words to show).</summary>
public sealed record ResourceCommandResponse(bool Succeeded, string? Error);

/// <summary>The commands the AppHost knows.</summary>
public static class ResourceCommandNames
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";
}

public enum ResourceServiceConnectionState
{
    /// <summary>No resource service configured: a standalone dashboard, resources come from telemetry only.</summary>
    NotConfigured,

    Connecting,

    Connected,

    /// <summary>The stream dropped; trying again with backoff.</summary>
    Reconnecting,
}
