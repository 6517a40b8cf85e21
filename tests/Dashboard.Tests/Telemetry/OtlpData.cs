using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;
using ProtoResource = OpenTelemetry.Proto.Resource.V1.Resource;

namespace Dashboard.Tests.Telemetry;

/// <summary>Hand-made OTLP requests for store tests.</summary>
internal static class OtlpData
{
    public static readonly DateTime Epoch = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    public static ulong Nanos(DateTime time) => (ulong)(time - DateTime.UnixEpoch).Ticks * 100;

    public static ProtoResource Resource(string service, string? instance = null)
    {
        var resource = new ProtoResource();
        resource.Attributes.Add(Attr("service.name", service));
        if (instance is not null)
        {
            resource.Attributes.Add(Attr("service.instance.id", instance));
        }

        return resource;
    }

    public static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static ByteString TraceId(int n) => ByteString.CopyFrom([.. new byte[12], 0, 0, (byte)(n >> 8), (byte)n]);

    public static ByteString SpanId(int n) => ByteString.CopyFrom([.. new byte[4], (byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n]);

    public static OpenTelemetry.Proto.Trace.V1.Span Span(int trace, int id, string name, int? parent = null, int startMs = 0, int durationMs = 10, bool error = false)
    {
        var span = new OpenTelemetry.Proto.Trace.V1.Span
        {
            TraceId = TraceId(trace),
            SpanId = SpanId(id),
            Name = name,
            Kind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server,
            StartTimeUnixNano = Nanos(Epoch.AddMilliseconds(startMs)),
            EndTimeUnixNano = Nanos(Epoch.AddMilliseconds(startMs + durationMs)),
            Status = new Status { Code = error ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
        };
        if (parent is { } p)
        {
            span.ParentSpanId = SpanId(p);
        }

        return span;
    }

    public static ExportTraceServiceRequest Traces(string service, params OpenTelemetry.Proto.Trace.V1.Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        scope.Spans.AddRange(spans);
        var resourceSpans = new ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        return new ExportTraceServiceRequest { ResourceSpans = { resourceSpans } };
    }

    public static ExportLogsServiceRequest Logs(string service, params LogRecord[] records)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Category" } };
        scope.LogRecords.AddRange(records);
        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resourceLogs } };
    }

    public static LogRecord Log(string message, SeverityNumber severity = SeverityNumber.Info, params KeyValue[] attributes)
    {
        var record = new LogRecord { Body = new AnyValue { StringValue = message }, SeverityNumber = severity, TimeUnixNano = Nanos(Epoch) };
        record.Attributes.AddRange(attributes);
        return record;
    }

    public static ExportMetricsServiceRequest Metrics(string service, string? instance, params Metric[] metrics)
    {
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Meter" } };
        scope.Metrics.AddRange(metrics);
        var resourceMetrics = new ResourceMetrics { Resource = Resource(service, instance) };
        resourceMetrics.ScopeMetrics.Add(scope);
        return new ExportMetricsServiceRequest { ResourceMetrics = { resourceMetrics } };
    }

    public static Metric Histogram(string name, int second, ulong[] counts, double[] bounds, params KeyValue[] attributes)
    {
        var point = new HistogramDataPoint
        {
            StartTimeUnixNano = Nanos(Epoch),
            TimeUnixNano = Nanos(Epoch.AddSeconds(second)),
            Count = counts.Aggregate(0UL, (a, b) => a + b),
            Sum = 1,
        };
        point.BucketCounts.AddRange(counts);
        point.ExplicitBounds.AddRange(bounds);
        point.Attributes.AddRange(attributes);
        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative };
        histogram.DataPoints.Add(point);
        return new Metric { Name = name, Unit = "ms", Histogram = histogram };
    }

    public static Metric Gauge(string name, int second, double value, params KeyValue[] attributes)
    {
        var point = new NumberDataPoint { TimeUnixNano = Nanos(Epoch.AddSeconds(second)), AsDouble = value };
        point.Attributes.AddRange(attributes);
        var gauge = new Gauge();
        gauge.DataPoints.Add(point);
        return new Metric { Name = name, Gauge = gauge };
    }
}
