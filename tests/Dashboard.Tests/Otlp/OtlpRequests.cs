using System.IO.Compression;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Dashboard.Tests.Otlp;

/// <summary>Small, valid export requests, built by hand.</summary>
internal static class OtlpRequests
{
    public const string TraceIdHex = "5b8efff798038103d269b633813fc60c";
    public const string SpanIdHex = "eee19b7ec3c1b174";

    public static ExportTraceServiceRequest Traces(params string[] spanNames) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = Resource("checkout"),
                ScopeSpans =
                {
                    new ScopeSpans
                    {
                        Scope = new InstrumentationScope { Name = "tests" },
                        Spans = { spanNames.Select((name, i) => Span(name, i)) },
                    },
                },
            },
        },
    };

    public static ExportLogsServiceRequest Logs(string body) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = Resource("checkout"),
                ScopeLogs = { new ScopeLogs { LogRecords = { new LogRecord { Body = new AnyValue { StringValue = body }, SeverityNumber = SeverityNumber.Info } } } },
            },
        },
    };

    public static ExportMetricsServiceRequest Metrics(string name, long value) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = Resource("checkout"),
                ScopeMetrics =
                {
                    new ScopeMetrics
                    {
                        Metrics = { new Metric { Name = name, Gauge = new Gauge { DataPoints = { new NumberDataPoint { AsInt = value, TimeUnixNano = 1 } } } } },
                    },
                },
            },
        },
    };

    /// <summary>One small request of the signal named as in the OTLP/HTTP path (traces, metrics, logs).</summary>
    public static IMessage For(string signal) => signal switch
    {
        "traces" => Traces("GET /orders"),
        "metrics" => Metrics("orders.placed", 3),
        "logs" => Logs("order shipped"),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static Resource Resource(string serviceName) => new()
    {
        Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = serviceName } } },
    };

    private static Span Span(string name, int index) => new()
    {
        TraceId = ByteString.CopyFrom(Convert.FromHexString(TraceIdHex)),
        SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)index + 1)),
        Name = name,
        Kind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server,
        StartTimeUnixNano = 1_000,
        EndTimeUnixNano = 2_000,
    };
}
