using Dashboard.Otlp;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Telemetry.Persistence;

/// <summary>What the receivers feed: the store first, then the journal (which copies the request off the hot path).</summary>
internal sealed class JournalingIngest(TelemetryStore store, TelemetryJournal journal) : ITelemetryIngest
{
    public IngestResult AddTraces(ExportTraceServiceRequest request)
    {
        var result = store.AddTraces(request);
        journal.Record(TelemetrySignal.Traces, request);
        return result;
    }

    public IngestResult AddLogs(ExportLogsServiceRequest request)
    {
        var result = store.AddLogs(request);
        journal.Record(TelemetrySignal.Logs, request);
        return result;
    }

    public IngestResult AddMetrics(ExportMetricsServiceRequest request)
    {
        var result = store.AddMetrics(request);
        journal.Record(TelemetrySignal.Metrics, request);
        return result;
    }
}
