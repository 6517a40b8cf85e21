using System.Buffers;
using Dashboard.Otlp.Http;
using Dashboard.Telemetry;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Otlp;

/// <summary>One of OTLP's three signals: where it is served, how its request decodes and how the store's answer becomes its response.</summary>
internal abstract class OtlpSignal(string name, string grpcPath, string httpPath)
{
    public static readonly OtlpSignal Traces = new OtlpSignal<ExportTraceServiceRequest>(
        "traces", "/opentelemetry.proto.collector.trace.v1.TraceService/Export", "/v1/traces",
        ExportTraceServiceRequest.Parser, static (ingest, request) => ingest.AddTraces(request),
        static result => new ExportTraceServiceResponse
        {
            PartialSuccess = IsPartial(result) ? new() { RejectedSpans = result.Rejected, ErrorMessage = result.ErrorMessage ?? "" } : null,
        });

    public static readonly OtlpSignal Metrics = new OtlpSignal<ExportMetricsServiceRequest>(
        "metrics", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "/v1/metrics",
        ExportMetricsServiceRequest.Parser, static (ingest, request) => ingest.AddMetrics(request),
        static result => new ExportMetricsServiceResponse
        {
            PartialSuccess = IsPartial(result) ? new() { RejectedDataPoints = result.Rejected, ErrorMessage = result.ErrorMessage ?? "" } : null,
        });

    public static readonly OtlpSignal Logs = new OtlpSignal<ExportLogsServiceRequest>(
        "logs", "/opentelemetry.proto.collector.logs.v1.LogsService/Export", "/v1/logs",
        ExportLogsServiceRequest.Parser, static (ingest, request) => ingest.AddLogs(request),
        static result => new ExportLogsServiceResponse
        {
            PartialSuccess = IsPartial(result) ? new() { RejectedLogRecords = result.Rejected, ErrorMessage = result.ErrorMessage ?? "" } : null,
        });

    public static IReadOnlyList<OtlpSignal> All { get; } = [Traces, Metrics, Logs];

    public string Name { get; } = name;

    public string GrpcPath { get; } = grpcPath;

    public string HttpPath { get; } = httpPath;

    /// <summary>Binary protobuf; throws <see cref="OtlpPayloadException"/> when the bytes are not the request.</summary>
    public abstract IMessage Parse(ReadOnlySequence<byte> payload);

    /// <summary>OTLP/JSON (hex trace and span ids); throws <see cref="OtlpPayloadException"/> when it is not the request.</summary>
    public abstract IMessage ParseJson(ReadOnlySequence<byte> utf8Json);

    /// <summary>Hands the request to the store and builds the response, with <c>partial_success</c> set only when the store had something to say.</summary>
    public abstract IMessage Ingest(ITelemetryIngest ingest, IMessage request, out IngestResult result);

    /// <summary>OTLP: full success leaves partial_success unset; rejections, or a warning with nothing rejected, set it.</summary>
    private static bool IsPartial(IngestResult result) => result.Rejected > 0 || !string.IsNullOrEmpty(result.ErrorMessage);
}

internal sealed class OtlpSignal<TRequest>(
    string name,
    string grpcPath,
    string httpPath,
    MessageParser<TRequest> parser,
    Func<ITelemetryIngest, TRequest, IngestResult> add,
    Func<IngestResult, IMessage> respond) : OtlpSignal(name, grpcPath, httpPath)
    where TRequest : IMessage<TRequest>, new()
{
    public override IMessage Parse(ReadOnlySequence<byte> payload)
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OtlpPayloadException(OtlpPayloadError.Undecodable, $"The {Name} export request is not valid protobuf: {e.Message}", e);
        }
    }

    public override IMessage ParseJson(ReadOnlySequence<byte> utf8Json) => OtlpJson.Parse<TRequest>(utf8Json);

    public override IMessage Ingest(ITelemetryIngest ingest, IMessage request, out IngestResult result)
    {
        result = add(ingest, (TRequest)request);
        return respond(result);
    }
}
