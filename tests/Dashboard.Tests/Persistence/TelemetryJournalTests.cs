using Dashboard.Otlp;
using Dashboard.Telemetry;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.Telemetry.OtlpData;

namespace Dashboard.Tests.Persistence;

/// <summary>A restarted dashboard starts with the telemetry it had: what Aspire's users lose today.</summary>
public sealed class TelemetryJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dashboard-journal-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Traces_logs_and_metrics_survive_a_restart()
    {
        await using (var first = await StartAsync())
        {
            var ingest = first.Services.GetRequiredService<ITelemetryIngest>();
            ingest.AddTraces(Traces("api", Span(1, 1, "GET /kept"), Span(1, 2, "SELECT", parent: 1)));
            ingest.AddLogs(Logs("api", Log("kept log")));
            ingest.AddMetrics(Metrics("api", null, Gauge("queue.length", 1, 4)));
        }

        await using var second = await StartAsync();

        var trace = Assert.Single(second.Store.Traces.Query(new TraceQuery()).Traces);
        Assert.Equal(("GET /kept", 2), (trace.Name, trace.SpanCount));
        Assert.Equal("kept log", Assert.Single(second.Store.Logs.Query(new LogQuery()).Entries).Message);
        Assert.Single(second.Store.Metrics.Instruments("api"));
    }

    [Fact]
    public async Task A_clear_is_remembered_and_later_telemetry_is_kept()
    {
        await using (var first = await StartAsync())
        {
            var ingest = first.Services.GetRequiredService<ITelemetryIngest>();
            ingest.AddTraces(Traces("api", Span(1, 1, "before the clear")));
            first.Store.Clear(TelemetrySignal.Traces);
            ingest.AddTraces(Traces("api", Span(2, 2, "after the clear")));
        }

        await using var second = await StartAsync();

        Assert.Equal("after the clear", Assert.Single(second.Store.Traces.Query(new TraceQuery()).Traces).Name);
    }

    [Fact]
    public async Task A_torn_last_record_is_ignored_and_the_rest_replayed()
    {
        await using (var first = await StartAsync())
        {
            first.Services.GetRequiredService<ITelemetryIngest>().AddTraces(Traces("api", Span(1, 1, "whole")));
        }

        var segment = Directory.GetFiles(_directory, "journal-*.otlp").Single();
        await File.AppendAllBytesAsync(segment, [0, 200, 0, 0, 0, 1, 2], TestContext.Current.CancellationToken); // a crash mid-write

        await using var second = await StartAsync();

        Assert.Equal("whole", Assert.Single(second.Store.Traces.Query(new TraceQuery()).Traces).Name);
    }

    [Fact]
    public async Task The_journal_stays_within_its_size_budget()
    {
        const long budget = 2L << 20;
        await using (var host = await StartAsync($"--Dashboard:Storage:MaxBytes={budget}"))
        {
            var ingest = host.Services.GetRequiredService<ITelemetryIngest>();
            var big = new string('x', 4_000);
            for (var i = 0; i < 2_000; i++)
            {
                var span = Span(i + 1, i + 1, "s");
                span.Attributes.Add(Attr("payload", big));
                ingest.AddTraces(Traces("api", span));
            }
        }

        var size = Directory.GetFiles(_directory, "journal-*.otlp").Sum(f => new FileInfo(f).Length);
        Assert.InRange(size, 1, budget);
    }

    [Fact]
    public async Task Without_a_directory_nothing_is_written()
    {
        await using var host = await DashboardHost.StartAsync();
        host.Services.GetRequiredService<ITelemetryIngest>().AddTraces(Traces("api", Span(1, 1, "memory only")));

        Assert.False(host.Services.GetRequiredService<Dashboard.Telemetry.Persistence.TelemetryJournal>().IsEnabled);
        Assert.False(Directory.Exists(_directory));
    }

    private Task<DashboardHost> StartAsync(params string[] extra) =>
        DashboardHost.StartAsync([.. DashboardHost.DefaultArgs, $"--Dashboard:Storage:Directory={_directory}", .. extra]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
