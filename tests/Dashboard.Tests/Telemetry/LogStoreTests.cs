using Dashboard.Telemetry;
using OpenTelemetry.Proto.Logs.V1;
using static Dashboard.Tests.Telemetry.OtlpData;
using LogLevel = Dashboard.Telemetry.Model.LogLevel;

namespace Dashboard.Tests.Telemetry;

public class LogStoreTests
{
    [Fact]
    public void The_cap_keeps_the_newest_records_and_counts_the_evicted()
    {
        var store = StoreFactory.Create(l => l.MaxLogCount = 3);
        store.AddLogs(Logs("api", [.. Enumerable.Range(1, 5).Select(i => Log($"m{i}"))]));

        var (entries, total) = store.Logs.Query(new LogQuery());
        Assert.Equal(3, total);
        Assert.Equal(["m5", "m4", "m3"], entries.Select(e => e.Message));
        Assert.Equal(2, store.Logs.Evicted);
    }

    [Fact]
    public void Filters_select_by_resource_level_text_and_attribute()
    {
        var store = StoreFactory.Create();
        store.AddLogs(Logs("api", Log("Created project 7", SeverityNumber.Info, Attr("ProjectId", "7")), Log("Slow query", SeverityNumber.Warn)));
        store.AddLogs(Logs("gateway", Log("Upstream failed", SeverityNumber.Error, Attr("status", "529"))));

        Assert.Equal(2, store.Logs.Query(new LogQuery(Resource: "api")).Total);
        Assert.Equal(["Upstream failed", "Slow query"], store.Logs.Query(new LogQuery(MinLevel: LogLevel.Warning)).Entries.Select(e => e.Message));
        Assert.Equal("Slow query", Assert.Single(store.Logs.Query(new LogQuery(Text: "slow")).Entries).Message);
        Assert.Equal("Created project 7", Assert.Single(store.Logs.Query(new LogQuery(Attribute: "projectid=7")).Entries).Message);
        Assert.Equal("Upstream failed", Assert.Single(store.Logs.Query(new LogQuery(Attribute: "status")).Entries).Message);
        Assert.Empty(store.Logs.Query(new LogQuery(Attribute: "status=200")).Entries);
    }

    [Fact]
    public void A_record_keeps_its_trace_context_for_the_link_to_its_trace()
    {
        var store = StoreFactory.Create();
        var record = Log("in a request");
        record.TraceId = TraceId(42);
        record.SpanId = SpanId(7);
        store.AddLogs(Logs("api", record));

        var entry = Assert.Single(store.Logs.Query(new LogQuery()).Entries);
        Assert.Equal("0000000000000000000000000000002a", entry.TraceId.ToString());
        Assert.Single(store.Logs.Query(new LogQuery(TraceId: entry.TraceId)).Entries);
    }
}

public class MessageTemplateTests
{
    [Theory]
    [InlineData("Filler {Number}", "Filler 5")]
    [InlineData("Took {Elapsed:0.00} ms for {@Order}", "Took 1.5 ms for {Id: 7}")]
    [InlineData("Unknown {Missing} stays", "Unknown {Missing} stays")]
    [InlineData("Braces {{literal}} and {Number}", "Braces {literal} and 5")]
    [InlineData("Unclosed {Number", "Unclosed {Number")]
    public void Templates_are_filled_from_attributes(string body, string expected)
    {
        Dashboard.Telemetry.Model.Attribute[] attributes = [new("Number", "5"), new("Elapsed", "1.5"), new("Order", "{Id: 7}")];
        Assert.Equal(expected, Dashboard.Telemetry.MessageTemplate.Render(body, attributes));
    }
}
