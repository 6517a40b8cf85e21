using Dashboard.Telemetry.Model;
using Microsoft.Extensions.Options;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Telemetry;

/// <summary>What an export request left out: OTLP's partial success.</summary>
public readonly record struct IngestResult(long Rejected, string? ErrorMessage)
{
    public static IngestResult Accepted => default;
}

/// <summary>All the telemetry the dashboard holds: in memory, bounded per signal (<see cref="TelemetryLimits"/>).</summary>
public sealed class TelemetryStore : Otlp.ITelemetryIngest
{
    private readonly ResourceRegistry _resources;

    public TelemetryStore(IOptions<TelemetryLimits> limits)
    {
        Limits = limits.Value;
        var converter = new OtlpConverter(Limits);
        _resources = new ResourceRegistry(converter);
        Traces = new TraceStore(Limits, converter, _resources);
        Logs = new LogStore(Limits, converter, _resources);
        Metrics = new MetricStore(Limits, converter, _resources);
        _resources.Added += () => ResourcesChanged?.Invoke();
    }

    public TelemetryLimits Limits { get; }

    public TraceStore Traces { get; }

    public LogStore Logs { get; }

    public MetricStore Metrics { get; }

    /// <summary>Every service instance that has sent telemetry.</summary>
    public IReadOnlyList<TelemetryResource> Resources => _resources.All;

    /// <summary>The service names that have sent telemetry.</summary>
    public IReadOnlyList<string> ResourceNames => _resources.Names;

    public event Action? ResourcesChanged;

    public IngestResult AddTraces(ExportTraceServiceRequest request) => Traces.Add(request);

    public IngestResult AddLogs(ExportLogsServiceRequest request) => Logs.Add(request);

    public IngestResult AddMetrics(ExportMetricsServiceRequest request) => Metrics.Add(request);

    /// <summary>Raised after a signal was emptied (the journal records it, so a restart does not bring it back).</summary>
    public event Action<TelemetrySignal>? Cleared;

    /// <summary>Empties one signal, as the UI's "clear" buttons do.</summary>
    public void Clear(TelemetrySignal signal)
    {
        switch (signal)
        {
            case TelemetrySignal.Traces:
                Traces.Clear();
                break;
            case TelemetrySignal.Logs:
                Logs.Clear();
                break;
            case TelemetrySignal.Metrics:
                Metrics.Clear();
                break;
        }

        Cleared?.Invoke(signal);
    }
}

public enum TelemetrySignal
{
    Traces,
    Logs,
    Metrics,
}
