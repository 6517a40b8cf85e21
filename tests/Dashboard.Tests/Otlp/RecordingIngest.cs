using System.Collections.Concurrent;
using Dashboard.Otlp;
using Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Dashboard.Tests.Otlp;

/// <summary>Stands in for the telemetry store: keeps every request the receivers decoded and answers with <see cref="Result"/>.</summary>
internal sealed class RecordingIngest : ITelemetryIngest
{
    private readonly ConcurrentQueue<ExportTraceServiceRequest> _traces = new();
    private readonly ConcurrentQueue<ExportLogsServiceRequest> _logs = new();
    private readonly ConcurrentQueue<ExportMetricsServiceRequest> _metrics = new();

    public IngestResult Result { get; set; } = IngestResult.Accepted;

    public int RequestCount => _traces.Count + _logs.Count + _metrics.Count;

    public IReadOnlyList<ResourceSpans> ResourceSpans => [.. _traces.SelectMany(r => r.ResourceSpans)];

    public IReadOnlyList<Span> Spans => [.. ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans)];

    public IReadOnlyList<LogRecord> LogRecords => [.. _logs.SelectMany(r => r.ResourceLogs).SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords)];

    public IReadOnlyList<Metric> Metrics => [.. _metrics.SelectMany(r => r.ResourceMetrics).SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)];

    public IngestResult AddTraces(ExportTraceServiceRequest request)
    {
        _traces.Enqueue(request);
        return Result;
    }

    public IngestResult AddLogs(ExportLogsServiceRequest request)
    {
        _logs.Enqueue(request);
        return Result;
    }

    public IngestResult AddMetrics(ExportMetricsServiceRequest request)
    {
        _metrics.Enqueue(request);
        return Result;
    }
}
