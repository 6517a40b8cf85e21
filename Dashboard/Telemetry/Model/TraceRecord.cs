namespace Dashboard.Telemetry.Model;

/// <summary>The spans of one trace that have arrived so far, across every service.</summary>
public sealed class TraceRecord(TraceId traceId, long sequence)
{
    private readonly List<SpanRecord> _spans = [];

    public TraceId TraceId { get; } = traceId;

    /// <summary>Arrival order of the trace's first span: eviction goes by it.</summary>
    public long Sequence { get; } = sequence;

    public DateTime Start { get; private set; } = DateTime.MaxValue;

    public DateTime End { get; private set; } = DateTime.MinValue;

    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.Zero;

    public int SpanCount => _spans.Count;

    public bool HasError { get; private set; }

    /// <summary>The span without a parent in this trace, else the earliest one.</summary>
    public SpanRecord? Root { get; private set; }

    internal IReadOnlyList<SpanRecord> SpansUnsafe => _spans;

    internal void Add(SpanRecord span)
    {
        _spans.Add(span);
        if (span.Start < Start)
        {
            Start = span.Start;
        }

        if (span.End > End)
        {
            End = span.End;
        }

        HasError |= span.IsError;
        if (Root is null || (span.ParentSpanId.IsEmpty && !Root.ParentSpanId.IsEmpty) || (span.ParentSpanId.IsEmpty == Root.ParentSpanId.IsEmpty && span.Start < Root.Start))
        {
            Root = span;
        }
    }

    /// <summary>Drops the oldest spans of a trace that alone is over the cap.</summary>
    internal int TrimOldest(int count)
    {
        count = Math.Min(count, _spans.Count - 1);
        _spans.RemoveRange(0, count);
        return count;
    }
}
