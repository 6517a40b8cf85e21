using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Telemetry;

/// <summary>What an export request left out: OTLP's partial success.</summary>
public readonly record struct IngestResult(long Rejected, string? ErrorMessage)
{
    public static IngestResult Accepted => default;
}

/// <summary>All the telemetry the dashboard holds, in memory, bounded per signal.</summary>
public sealed partial class TelemetryStore
{
    public IngestResult AddTraces(ExportTraceServiceRequest request) => IngestResult.Accepted;

    public IngestResult AddLogs(ExportLogsServiceRequest request) => IngestResult.Accepted;

    public IngestResult AddMetrics(ExportMetricsServiceRequest request) => IngestResult.Accepted;
}
