using Dashboard.Telemetry.Model;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Metrics.V1;
using Attribute = Dashboard.Telemetry.Model.Attribute;

namespace Dashboard.Telemetry;

/// <summary>Metric points per service, instrument and attribute set, each series bounded.</summary>
public sealed class MetricStore
{
    private readonly Dictionary<(string Resource, string Scope, string Name), InstrumentRecord> _instruments = [];
    private readonly Lock _gate = new();
    private readonly TelemetryLimits _limits;
    private readonly OtlpConverter _converter;
    private readonly ResourceRegistry _resources;

    internal MetricStore(TelemetryLimits limits, OtlpConverter converter, ResourceRegistry resources)
    {
        _limits = limits;
        _converter = converter;
        _resources = resources;
    }

    public event Action? Changed;

    public long EvictedPoints { get; private set; }

    public long RejectedPoints { get; private set; }

    internal IngestResult Add(ExportMetricsServiceRequest request)
    {
        long rejected = 0;
        lock (_gate)
        {
            foreach (var resourceMetrics in request.ResourceMetrics)
            {
                var resource = _resources.Get(resourceMetrics.Resource);
                foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
                {
                    var scope = _converter.Share(scopeMetrics.Scope?.Name ?? "");
                    foreach (var metric in scopeMetrics.Metrics)
                    {
                        rejected += AddMetric(resource, scope, metric);
                    }
                }
            }

            RejectedPoints += rejected;
        }

        Changed?.Invoke();
        return rejected == 0 ? IngestResult.Accepted : new IngestResult(rejected, "points of new attribute sets beyond Dashboard:TelemetryLimits:MaxSeriesPerInstrument were rejected");
    }

    private long AddMetric(TelemetryResource resource, string scope, Metric metric)
    {
        var kind = metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => InstrumentKind.Gauge,
            Metric.DataOneofCase.Sum => InstrumentKind.Sum,
            Metric.DataOneofCase.Histogram or Metric.DataOneofCase.ExponentialHistogram => InstrumentKind.Histogram,
            Metric.DataOneofCase.Summary => InstrumentKind.Summary,
            _ => (InstrumentKind?)null,
        };
        if (kind is null)
        {
            return 0;
        }

        var instrument = Instrument(resource.Name, scope, metric, kind.Value);
        var points = MetricPoints.From(metric);
        long rejected = 0;
        foreach (var (attributes, point) in points)
        {
            if (Series(instrument, resource, attributes) is { } series)
            {
                EvictedPoints += series.Points.Add(point) ? 1 : 0;
            }
            else
            {
                rejected++;
            }
        }

        instrument.RejectedSeries += rejected;
        return rejected;
    }

    private InstrumentRecord Instrument(string resource, string scope, Metric metric, InstrumentKind kind)
    {
        var key = (resource, scope, metric.Name);
        if (!_instruments.TryGetValue(key, out var instrument) || instrument.Kind != kind)
        {
            instrument = new InstrumentRecord(resource, scope, _converter.Share(metric.Name), kind);
            _instruments[key] = instrument;
        }

        instrument.Description = metric.Description;
        instrument.Unit = metric.Unit;
        instrument.IsMonotonic = metric.DataCase == Metric.DataOneofCase.Sum && metric.Sum.IsMonotonic;
        instrument.IsDelta = metric.DataCase switch
        {
            Metric.DataOneofCase.Sum => metric.Sum.AggregationTemporality == AggregationTemporality.Delta,
            Metric.DataOneofCase.Histogram => metric.Histogram.AggregationTemporality == AggregationTemporality.Delta,
            Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.AggregationTemporality == AggregationTemporality.Delta,
            _ => false,
        };
        return instrument;
    }

    private MetricSeries? Series(InstrumentRecord instrument, TelemetryResource resource, IList<OpenTelemetry.Proto.Common.V1.KeyValue> values)
    {
        var attributes = _converter.Attributes(values);
        if (resource.InstanceId is { } instance)
        {
            // Replicas and restarts of one service are separate series: a restarted counter starts again from zero.
            attributes = [.. attributes, new Attribute("service.instance.id", instance)];
        }

        var key = string.Join('\u001f', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "\u001e" + a.Value));
        if (instrument.Series.TryGetValue(key, out var series))
        {
            return series;
        }

        if (instrument.Series.Count >= _limits.MaxSeriesPerInstrument)
        {
            return null;
        }

        series = new MetricSeries(attributes, _limits.MaxMetricPointsPerSeries);
        instrument.Series[key] = series;
        return series;
    }

    /// <summary>Instruments of one service (every service when null), by scope and name.</summary>
    public IReadOnlyList<InstrumentRecord> Instruments(string? resource = null)
    {
        lock (_gate)
        {
            return [.. _instruments.Values
                .Where(i => resource is null || i.ResourceName == resource)
                .OrderBy(i => i.Scope, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];
        }
    }

    public InstrumentRecord? Find(string resource, string scope, string name)
    {
        lock (_gate)
        {
            return _instruments.GetValueOrDefault((resource, scope, name));
        }
    }

    /// <summary>Every dimension of an instrument and the values seen for it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions(InstrumentRecord instrument)
    {
        lock (_gate)
        {
            return instrument.Series.Values
                .SelectMany(s => s.Attributes)
                .GroupBy(a => a.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Value).Distinct().Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>Copies of the series whose attributes match every filter (key → required value).</summary>
    public IReadOnlyList<(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points)> Series(
        InstrumentRecord instrument, IReadOnlyDictionary<string, string> filters, DateTime since)
    {
        lock (_gate)
        {
            return [.. instrument.Series.Values
                .Where(s => filters.All(f => s.Attributes.Any(a => a.Key == f.Key && a.Value == f.Value)))
                .Select(s => (s.Attributes, (IReadOnlyList<MetricPoint>)[.. Enumerable.Range(0, s.Points.Count).Select(i => s.Points[i]).Where(p => p.Time >= since)]))];
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _instruments.Clear();
        }

        Changed?.Invoke();
    }
}
