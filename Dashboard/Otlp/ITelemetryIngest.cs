using Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Otlp;

/// <summary>Where the receivers hand what they decoded: the telemetry store, or a recorder in tests.</summary>
public interface ITelemetryIngest
{
    IngestResult AddTraces(ExportTraceServiceRequest request);

    IngestResult AddLogs(ExportLogsServiceRequest request);

    IngestResult AddMetrics(ExportMetricsServiceRequest request);
}
