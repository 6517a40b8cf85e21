using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dashboard.Telemetry;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using LogLevel = Dashboard.Telemetry.Model.LogLevel;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The real .NET OTLP exporter → a receiver → the store → the queries the pages run.</summary>
public sealed class IngestToQueryTests
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Traces_logs_and_metrics_are_queryable_after_export(OtlpExportProtocol protocol)
    {
        await using var host = await DashboardHost.StartAsync(
            [.. DashboardHost.DefaultArgs, "--Dashboard:TelemetryLimits:MaxLogCount=3"]);
        var name = $"checkout-{protocol}";
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var duration = meter.CreateHistogram<double>("checkout.duration", "ms");

        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(name).ConfigureResource(r => r.AddService(name))
            .AddOtlpExporter(o => Configure(o, host, protocol, "/v1/traces")).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().AddMeter(name).ConfigureResource(r => r.AddService(name))
            .AddOtlpExporter(o => Configure(o, host, protocol, "/v1/metrics")).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(name));
            o.AddOtlpExporter(e => Configure(e, host, protocol, "/v1/logs"));
        })))
        {
            var logger = logging.CreateLogger("Checkout");
            using (var root = source.StartActivity("POST /checkout", ActivityKind.Server))
            {
                root!.SetTag("order.id", "42");
                using var child = source.StartActivity("charge card", ActivityKind.Client);
                child!.SetStatus(ActivityStatusCode.Error, "card declined");
                logger.LogWarning("Card declined for order {OrderId}", 42);
            }

            for (var i = 1; i <= 5; i++)
            {
                logger.LogInformation("Filler {Number}", i);
                duration.Record(i * 10, new KeyValuePair<string, object?>("payment.method", i % 2 == 0 ? "card" : "invoice"));
            }

            tracing!.ForceFlush();
            metrics!.ForceFlush();
        }

        var (traces, _) = host.Store.Traces.Query(new TraceQuery(Resource: name, ErrorsOnly: true));
        var trace = Assert.Single(traces);
        Assert.Equal("POST /checkout", trace.Name);
        Assert.Equal(2, trace.SpanCount);
        var spans = host.Store.Traces.GetTrace(trace.TraceId)!;
        Assert.Contains(spans[0].Span.Attributes, a => a is { Key: "order.id", Value: "42" });
        Assert.Equal(("charge card", 1), (spans[1].Span.Name, spans[1].Depth));

        // The cap of 3 kept the newest log records and counted the rest.
        var (logs, total) = host.Store.Logs.Query(new LogQuery(Resource: name));
        Assert.Equal(3, total);
        Assert.Equal(["Filler 5", "Filler 4", "Filler 3"], logs.Select(l => l.Message));
        Assert.Equal(3, host.Store.Logs.Evicted);

        var instrument = Assert.Single(host.Store.Metrics.Instruments(name), i => i.Name == "checkout.duration");
        Assert.Equal(["card", "invoice"], host.Store.Metrics.Dimensions(instrument)["payment.method"]);
        var card = host.Store.Metrics.Series(instrument, new Dictionary<string, string> { ["payment.method"] = "card" }, DateTime.MinValue);
        Assert.Equal(2UL, Assert.Single(card).Points[^1].Histogram!.Count);
    }

    [Fact]
    public async Task Warning_logs_keep_their_trace_id_for_the_link_to_the_trace()
    {
        await using var host = await DashboardHost.StartAsync();
        using var source = new ActivitySource("linked");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("linked").Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o => o.AddOtlpExporter(e => Configure(e, host, OtlpExportProtocol.Grpc, "")))))
        {
            using var activity = source.StartActivity("work");
            traceId = activity!.TraceId.ToHexString();
            logging.CreateLogger("Work").LogError("It broke");
        }

        var entry = Assert.Single(host.Store.Logs.Query(new LogQuery(MinLevel: LogLevel.Error)).Entries);
        Assert.Equal(traceId, entry.TraceId.ToString());
    }

    private static void Configure(OtlpExporterOptions options, DashboardHost host, OtlpExportProtocol protocol, string path)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? host.OtlpGrpcUrl : new Uri(host.OtlpHttpUrl, path);
        options.Headers = $"x-otlp-api-key={DashboardHost.ApiKey}";
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
