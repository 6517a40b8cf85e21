using Dashboard.Telemetry.Model;
using OpenTelemetry.Proto.Collector.Trace.V1;
using ProtoSpan = OpenTelemetry.Proto.Trace.V1.Span;

namespace Dashboard.Telemetry;

/// <summary>Filters of the trace list; null means any.</summary>
public sealed record TraceQuery(string? Resource = null, string? Text = null, TimeSpan? MinDuration = null, bool ErrorsOnly = false, int Limit = 200);

/// <summary>One row of the trace list.</summary>
public sealed record TraceSummary(
    TraceId TraceId, string Name, string RootResource, DateTime Start, TimeSpan Duration, int SpanCount, bool HasError, IReadOnlyList<string> Resources);

/// <summary>The spans of every trace, grouped by trace, capped by span count; the oldest traces are evicted whole.</summary>
public sealed class TraceStore
{
    private readonly Dictionary<TraceId, TraceRecord> _traces = [];
    private readonly LinkedList<TraceRecord> _byArrival = new();
    private readonly Dictionary<TraceId, LinkedListNode<TraceRecord>> _nodes = [];
    private readonly Lock _gate = new();
    private readonly TelemetryLimits _limits;
    private readonly OtlpConverter _converter;
    private readonly ResourceRegistry _resources;
    private long _sequence;

    internal TraceStore(TelemetryLimits limits, OtlpConverter converter, ResourceRegistry resources)
    {
        _limits = limits;
        _converter = converter;
        _resources = resources;
    }

    public event Action? Changed;

    public int SpanCount { get; private set; }

    public long EvictedSpans { get; private set; }

    public long EvictedTraces { get; private set; }

    public int TraceCount
    {
        get { lock (_gate) { return _traces.Count; } }
    }

    internal IngestResult Add(ExportTraceServiceRequest request)
    {
        var spans = Convert(request, out var rejected);
        lock (_gate)
        {
            foreach (var span in spans)
            {
                Insert(span);
            }

            Evict();
        }

        Changed?.Invoke();
        return rejected == 0 ? IngestResult.Accepted : new IngestResult(rejected, "spans without a valid trace or span id were rejected");
    }

    private List<SpanRecord> Convert(ExportTraceServiceRequest request, out long rejected)
    {
        rejected = 0;
        var spans = new List<SpanRecord>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = _resources.Get(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = _converter.Share(scopeSpans.Scope?.Name ?? "");
                foreach (var span in scopeSpans.Spans)
                {
                    if (ToRecord(span, resource, scope) is { } record)
                    {
                        spans.Add(record);
                    }
                    else
                    {
                        rejected++;
                    }
                }
            }
        }

        return spans;
    }

    private SpanRecord? ToRecord(ProtoSpan span, TelemetryResource resource, string scope)
    {
        var traceId = TraceId.From(span.TraceId);
        var spanId = SpanId.From(span.SpanId);
        if (traceId.IsEmpty || spanId.IsEmpty)
        {
            return null;
        }

        var dropped = (int)Math.Min(int.MaxValue, span.DroppedAttributesCount + span.DroppedEventsCount);
        var attributes = _converter.Attributes(span.Attributes, ref dropped);
        var eventCount = Math.Min(span.Events.Count, _limits.MaxSpanEventCount);
        dropped += span.Events.Count - eventCount;
        var events = new SpanEventRecord[eventCount];
        for (var i = 0; i < eventCount; i++)
        {
            var e = span.Events[i];
            events[i] = new SpanEventRecord(OtlpConverter.ToDateTime(e.TimeUnixNano), _converter.Share(e.Name), _converter.Attributes(e.Attributes, ref dropped));
        }

        return new SpanRecord
        {
            Resource = resource,
            Scope = scope,
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = SpanId.From(span.ParentSpanId),
            Name = _converter.Share(_converter.Text(span.Name)),
            Kind = (SpanKind)Math.Clamp((int)span.Kind, 0, 5),
            Start = OtlpConverter.ToDateTime(span.StartTimeUnixNano),
            End = OtlpConverter.ToDateTime(span.EndTimeUnixNano),
            Status = (SpanStatus)Math.Clamp((int)(span.Status?.Code ?? 0), 0, 2),
            StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : _converter.Text(span.Status.Message),
            Attributes = attributes,
            Events = events,
            Links = [.. span.Links.Select(l => new SpanLinkRecord(TraceId.From(l.TraceId), SpanId.From(l.SpanId), _converter.Attributes(l.Attributes)))],
            Dropped = dropped,
        };
    }

    private void Insert(SpanRecord span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace))
        {
            trace = new TraceRecord(span.TraceId, ++_sequence);
            _traces[span.TraceId] = trace;
            _nodes[span.TraceId] = _byArrival.AddLast(trace);
        }

        trace.Add(span);
        SpanCount++;
    }

    private void Evict()
    {
        while (SpanCount > _limits.MaxSpanCount && _byArrival.First is { } oldest)
        {
            if (_byArrival.Count == 1)
            {
                // One trace alone over the cap: keep its newest spans rather than drop the trace being written.
                var trimmed = oldest.Value.TrimOldest(SpanCount - _limits.MaxSpanCount);
                SpanCount -= trimmed;
                EvictedSpans += trimmed;
                return;
            }

            _byArrival.RemoveFirst();
            _traces.Remove(oldest.Value.TraceId);
            _nodes.Remove(oldest.Value.TraceId);
            SpanCount -= oldest.Value.SpanCount;
            EvictedSpans += oldest.Value.SpanCount;
            EvictedTraces++;
        }
    }

    /// <summary>Traces matching the query, newest first.</summary>
    public (IReadOnlyList<TraceSummary> Traces, int Total) Query(TraceQuery query)
    {
        var results = new List<TraceSummary>();
        var total = 0;
        lock (_gate)
        {
            for (var node = _byArrival.Last; node is not null; node = node.Previous)
            {
                var trace = node.Value;
                if (!Matches(trace, query))
                {
                    continue;
                }

                total++;
                if (results.Count < query.Limit)
                {
                    results.Add(Summarize(trace));
                }
            }
        }

        return (results, total);
    }

    private static bool Matches(TraceRecord trace, TraceQuery query)
    {
        if (query.ErrorsOnly && !trace.HasError)
        {
            return false;
        }

        if (query.MinDuration is { } min && trace.Duration < min)
        {
            return false;
        }

        var spans = trace.SpansUnsafe;
        if (query.Resource is { Length: > 0 } resource && !spans.Any(s => s.Resource.Name == resource))
        {
            return false;
        }

        return query.Text is not { Length: > 0 } text
            || trace.TraceId.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || spans.Any(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static TraceSummary Summarize(TraceRecord trace)
    {
        var root = trace.Root!;
        var resources = trace.SpansUnsafe.Select(s => s.Resource.Name).Distinct().ToList();
        return new TraceSummary(trace.TraceId, root.Name, root.Resource.Name, trace.Start, trace.Duration, trace.SpanCount, trace.HasError, resources);
    }

    /// <summary>A trace's spans ordered as a tree (parents before children, siblings by start), with their depth.</summary>
    public IReadOnlyList<(SpanRecord Span, int Depth)>? GetTrace(TraceId traceId)
    {
        List<SpanRecord> spans;
        lock (_gate)
        {
            if (!_traces.TryGetValue(traceId, out var trace))
            {
                return null;
            }

            spans = [.. trace.SpansUnsafe];
        }

        return SpanTree.Order(spans);
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _traces.Clear();
            _nodes.Clear();
            _byArrival.Clear();
            SpanCount = 0;
        }

        Changed?.Invoke();
    }
}
