using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dashboard.Otlp;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Tests.Otlp;

/// <summary>The real .NET OTLP exporter, the way every service in the stack sends telemetry, over both protocols.</summary>
public sealed class OtlpExporterTests : IAsyncLifetime
{
    private readonly RecordingIngest _ingest = new();
    private readonly string _name = $"Dashboard.Tests.{Guid.NewGuid():N}";
    private DashboardHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(configure: builder => builder.Services.AddSingleton<ITelemetryIngest>(_ingest));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Spans_arrive_with_their_names_ids_attributes_and_resource(OtlpExportProtocol protocol)
    {
        using var source = new ActivitySource(_name);
        ActivityTraceId traceId;
        ActivitySpanId parentId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("orders-api"))
            .AddSource(_name)
            .AddOtlpExporter(exporter => Configure(exporter, protocol, "/v1/traces"))
            .Build())
        {
            using var parent = source.StartActivity("POST /orders", ActivityKind.Server)!;
            parent.SetTag("order.id", 42);
            using (var insert = source.StartActivity("INSERT orders", ActivityKind.Client)!)
            {
                insert.SetTag("db.system", "postgresql");
            }

            traceId = parent.TraceId;
            parentId = parent.SpanId;
        }

        var spans = _ingest.Spans;
        Assert.Equal(["INSERT orders", "POST /orders"], spans.Select(s => s.Name).Order());
        Assert.All(spans, span => Assert.Equal(traceId.ToHexString(), Convert.ToHexStringLower(span.TraceId.Span)));
        var child = spans.Single(s => s.Name == "INSERT orders");
        Assert.Equal(parentId.ToHexString(), Convert.ToHexStringLower(child.ParentSpanId.Span));
        Assert.Equal("postgresql", Attribute(child.Attributes, "db.system").StringValue);
        Assert.Equal(42, Attribute(spans.Single(s => s.Name == "POST /orders").Attributes, "order.id").IntValue);
        Assert.All(_ingest.ResourceSpans, r => Assert.Equal("orders-api", Attribute(r.Resource.Attributes, "service.name").StringValue));
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Logs_arrive_with_their_bodies_severities_and_attributes(OtlpExportProtocol protocol)
    {
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("orders-api"));
            options.IncludeFormattedMessage = true;
            options.AddOtlpExporter(exporter => Configure(exporter, protocol, "/v1/logs"));
        })))
        {
            var logger = logging.CreateLogger(_name);
            logger.LogWarning("Order {OrderId} shipped late", 42);
            logger.LogInformation("Inventory checked");
        }

        var records = _ingest.LogRecords;
        Assert.Equal(2, records.Count);
        var late = records.Single(r => r.Body.StringValue.Contains("late", StringComparison.Ordinal));
        Assert.Equal("Order 42 shipped late", late.Body.StringValue);
        Assert.Equal(OpenTelemetry.Proto.Logs.V1.SeverityNumber.Warn, late.SeverityNumber);
        Assert.Equal(42, Attribute(late.Attributes, "OrderId").IntValue);
        Assert.Contains(records, r => r.Body.StringValue == "Inventory checked");
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Metrics_arrive_with_their_names_and_points(OtlpExportProtocol protocol)
    {
        using var meter = new Meter(_name);
        var orders = meter.CreateCounter<long>("orders.placed");
        var latency = meter.CreateHistogram<double>("orders.latency", unit: "ms");
        using (var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("orders-api"))
            .AddMeter(_name)
            .AddOtlpExporter(exporter => Configure(exporter, protocol, "/v1/metrics"))
            .Build())
        {
            orders.Add(3, new KeyValuePair<string, object?>("region", "eu"));
            orders.Add(2, new KeyValuePair<string, object?>("region", "eu"));
            latency.Record(12.5);
            Assert.True(metrics.ForceFlush(10_000));
        }

        var counter = _ingest.Metrics.Last(m => m.Name == "orders.placed");
        var point = Assert.Single(counter.Sum.DataPoints);
        Assert.Equal(5, point.AsInt);
        Assert.True(counter.Sum.IsMonotonic);
        Assert.Equal("eu", Attribute(point.Attributes, "region").StringValue);
        var histogram = _ingest.Metrics.Last(m => m.Name == "orders.latency");
        Assert.Equal("ms", histogram.Unit);
        Assert.Equal(1UL, histogram.Histogram.DataPoints.Single().Count);
        Assert.Equal(12.5, histogram.Histogram.DataPoints.Single().Sum);
    }

    private void Configure(OtlpExporterOptions exporter, OtlpExportProtocol protocol, string httpPath)
    {
        exporter.Protocol = protocol;

        // Set in code, the HTTP endpoint is the signal's full URL; gRPC takes the server's.
        exporter.Endpoint = protocol == OtlpExportProtocol.Grpc ? _host.OtlpGrpcUrl : new Uri(_host.OtlpHttpUrl, httpPath);
        exporter.Headers = $"x-otlp-api-key={DashboardHost.ApiKey}";
        exporter.ExportProcessorType = ExportProcessorType.Simple;
        exporter.TimeoutMilliseconds = 10_000;
    }

    private static AnyValue Attribute(IEnumerable<KeyValue> attributes, string key) => attributes.Single(a => a.Key == key).Value;
}
