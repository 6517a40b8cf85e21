using Dashboard.Telemetry;
using Dashboard.Telemetry.Model;
using static Dashboard.Tests.Telemetry.OtlpData;

namespace Dashboard.Tests.Telemetry;

public class TraceStoreTests
{
    [Fact]
    public void Spans_of_one_trace_from_two_services_form_one_trace_ordered_as_a_tree()
    {
        var store = StoreFactory.Create();
        store.AddTraces(Traces("gateway", Span(1, 3, "POST /v1/messages", parent: 2, startMs: 5, durationMs: 20)));
        store.AddTraces(Traces("api", Span(1, 1, "POST /api/assistant/ask", durationMs: 40), Span(1, 2, "POST", parent: 1, startMs: 2, durationMs: 30)));

        var (traces, total) = store.Traces.Query(new TraceQuery());
        var trace = Assert.Single(traces);
        Assert.Equal(1, total);
        Assert.Equal("POST /api/assistant/ask", trace.Name);
        Assert.Equal("api", trace.RootResource);
        Assert.Equal(3, trace.SpanCount);
        Assert.Equal(TimeSpan.FromMilliseconds(40), trace.Duration);
        Assert.Equal(["gateway", "api"], trace.Resources);

        var spans = store.Traces.GetTrace(trace.TraceId)!;
        Assert.Equal(["POST /api/assistant/ask", "POST", "POST /v1/messages"], spans.Select(s => s.Span.Name));
        Assert.Equal([0, 1, 2], spans.Select(s => s.Depth));
    }

    [Fact]
    public void The_cap_evicts_the_oldest_traces_whole_and_counts_them()
    {
        var store = StoreFactory.Create(l => l.MaxSpanCount = 4);
        for (var trace = 1; trace <= 5; trace++)
        {
            store.AddTraces(Traces("api", Span(trace, trace * 10, "a"), Span(trace, (trace * 10) + 1, "b", parent: trace * 10)));
        }

        Assert.Equal(4, store.Traces.SpanCount);
        Assert.Equal(6, store.Traces.EvictedSpans);
        Assert.Equal(3, store.Traces.EvictedTraces);
        var (traces, _) = store.Traces.Query(new TraceQuery());
        Assert.Equal(["0000000000000000000000000000005", "0000000000000000000000000000004"], traces.Select(t => t.TraceId.ToString()[1..]));
    }

    [Fact]
    public void A_single_trace_over_the_cap_keeps_its_newest_spans()
    {
        var store = StoreFactory.Create(l => l.MaxSpanCount = 3);
        store.AddTraces(Traces("api", [.. Enumerable.Range(1, 5).Select(i => Span(1, i, $"s{i}", startMs: i))]));

        Assert.Equal(3, store.Traces.SpanCount);
        Assert.Equal(2, store.Traces.EvictedSpans);
        Assert.Equal(["s3", "s4", "s5"], store.Traces.GetTrace(store.Traces.Query(new TraceQuery()).Traces[0].TraceId)!.Select(s => s.Span.Name));
    }

    [Fact]
    public void Filters_select_by_resource_text_duration_and_errors()
    {
        var store = StoreFactory.Create();
        store.AddTraces(Traces("api", Span(1, 1, "GET /fast", durationMs: 1)));
        store.AddTraces(Traces("api", Span(2, 2, "GET /slow", durationMs: 500)));
        store.AddTraces(Traces("gateway", Span(3, 3, "POST /v1/messages", durationMs: 50, error: true)));

        Assert.Equal(2, store.Traces.Query(new TraceQuery(Resource: "api")).Total);
        Assert.Equal("GET /slow", Assert.Single(store.Traces.Query(new TraceQuery(Text: "SLOW")).Traces).Name);
        Assert.Equal(2, store.Traces.Query(new TraceQuery(MinDuration: TimeSpan.FromMilliseconds(40))).Total);
        Assert.Equal("gateway", Assert.Single(store.Traces.Query(new TraceQuery(ErrorsOnly: true)).Traces).RootResource);
    }

    [Fact]
    public void Spans_without_ids_are_rejected_and_reported()
    {
        var store = StoreFactory.Create();
        var broken = Span(1, 1, "no ids");
        broken.TraceId = Google.Protobuf.ByteString.Empty;

        var result = store.AddTraces(Traces("api", broken, Span(2, 2, "fine")));

        Assert.Equal(1, result.Rejected);
        Assert.Equal(1, store.Traces.SpanCount);
    }

    [Fact]
    public void Attribute_limits_truncate_and_count_what_was_dropped()
    {
        var store = StoreFactory.Create(l => { l.MaxAttributeCount = 2; l.MaxAttributeLength = 16; });
        var span = Span(1, 1, "s");
        span.Attributes.Add(Attr("a", new string('x', 100)));
        span.Attributes.Add(Attr("b", "2"));
        span.Attributes.Add(Attr("c", "3"));

        store.AddTraces(Traces("api", span));

        var kept = store.Traces.GetTrace(store.Traces.Query(new TraceQuery()).Traces[0].TraceId)![0].Span;
        Assert.Equal([new("a", new string('x', 16)), new Dashboard.Telemetry.Model.Attribute("b", "2")], kept.Attributes);
        Assert.Equal(1, kept.Dropped);
    }

    [Fact]
    public void A_span_whose_parent_never_arrived_is_shown_as_a_root()
    {
        var store = StoreFactory.Create();
        store.AddTraces(Traces("api", Span(1, 2, "orphan", parent: 99, startMs: 3), Span(1, 1, "root")));

        var spans = store.Traces.GetTrace(store.Traces.Query(new TraceQuery()).Traces[0].TraceId)!;

        Assert.Equal([("root", 0), ("orphan", 0)], spans.Select(s => (s.Span.Name, s.Depth)));
    }

    [Fact]
    public void Trace_ids_round_trip_through_hex()
    {
        Assert.True(Dashboard.Telemetry.Model.TraceId.TryParse("0123456789abcdef0123456789ABCDEF", out var id));
        Assert.Equal("0123456789abcdef0123456789abcdef", id.ToString());
        Assert.False(Dashboard.Telemetry.Model.TraceId.TryParse("xyz", out _));
    }
}
