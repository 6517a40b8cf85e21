namespace Dashboard.Telemetry.Model;

public enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

public enum SpanStatus
{
    Unset,
    Ok,
    Error,
}

/// <summary>One span as the dashboard keeps it.</summary>
public sealed class SpanRecord
{
    public required TelemetryResource Resource { get; init; }

    public required string Scope { get; init; }

    public required TraceId TraceId { get; init; }

    public required SpanId SpanId { get; init; }

    public SpanId ParentSpanId { get; init; }

    public required string Name { get; init; }

    public SpanKind Kind { get; init; }

    public DateTime Start { get; init; }

    public DateTime End { get; init; }

    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.Zero;

    public SpanStatus Status { get; init; }

    public string? StatusMessage { get; init; }

    public IReadOnlyList<Attribute> Attributes { get; init; } = [];

    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];

    public IReadOnlyList<SpanLinkRecord> Links { get; init; } = [];

    /// <summary>Attributes and events the sender or the dashboard's limits dropped.</summary>
    public int Dropped { get; init; }

    public bool IsError => Status == SpanStatus.Error;
}

public sealed record SpanEventRecord(DateTime Time, string Name, IReadOnlyList<Attribute> Attributes);

public sealed record SpanLinkRecord(TraceId TraceId, SpanId SpanId, IReadOnlyList<Attribute> Attributes);
