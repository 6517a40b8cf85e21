namespace Dashboard.Telemetry.Model;

/// <summary>OTLP's severity numbers, folded into the levels people filter by.</summary>
public enum LogLevel
{
    Unspecified = 0,
    Trace = 1,
    Debug = 5,
    Information = 9,
    Warning = 13,
    Error = 17,
    Critical = 21,
}

/// <summary>One structured log record.</summary>
public sealed class LogEntry
{
    public required long Sequence { get; init; }

    public required TelemetryResource Resource { get; init; }

    public required string Scope { get; init; }

    public DateTime Timestamp { get; init; }

    public LogLevel Level { get; init; }

    public string? SeverityText { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<Attribute> Attributes { get; init; } = [];

    public TraceId TraceId { get; init; }

    public SpanId SpanId { get; init; }

    public string? EventName { get; init; }

    public static LogLevel LevelOf(int severityNumber) => severityNumber switch
    {
        <= 0 => LogLevel.Unspecified,
        <= 4 => LogLevel.Trace,
        <= 8 => LogLevel.Debug,
        <= 12 => LogLevel.Information,
        <= 16 => LogLevel.Warning,
        <= 20 => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}
