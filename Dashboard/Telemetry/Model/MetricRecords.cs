namespace Dashboard.Telemetry.Model;

public enum InstrumentKind
{
    Gauge,
    Sum,
    Histogram,
    Summary,
}

/// <summary>One instrument of one service (scope and name), with a series per attribute set.</summary>
public sealed class InstrumentRecord(string resourceName, string scope, string name, InstrumentKind kind)
{
    internal Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);

    public string ResourceName { get; } = resourceName;

    public string Scope { get; } = scope;

    public string Name { get; } = name;

    public InstrumentKind Kind { get; } = kind;

    public string Description { get; internal set; } = "";

    public string Unit { get; internal set; } = "";

    public bool IsMonotonic { get; internal set; }

    /// <summary>Delta temporality: each point covers its own interval instead of everything since start.</summary>
    public bool IsDelta { get; internal set; }

    /// <summary>Points of new attribute sets refused because the instrument had its fill of series.</summary>
    public long RejectedSeries { get; internal set; }
}

/// <summary>The points of one attribute set, oldest first, bounded.</summary>
public sealed class MetricSeries(IReadOnlyList<Attribute> attributes, int capacity)
{
    public IReadOnlyList<Attribute> Attributes { get; } = attributes;

    internal Ring<MetricPoint> Points { get; } = new(capacity);
}

/// <summary>A number, or a histogram with its buckets, at a point in time.</summary>
public readonly record struct MetricPoint(DateTime Start, DateTime Time, double Value, HistogramValue? Histogram);

/// <summary>
/// Explicit-bucket histogram data; exponential histograms are converted to it. <see cref="Counts"/> has one more entry
/// than <see cref="Bounds"/> (the overflow bucket). Summaries carry their quantiles instead of buckets.
/// </summary>
public sealed record HistogramValue(
    ulong Count, double Sum, double[] Bounds, ulong[] Counts, double? Min, double? Max, IReadOnlyList<(double Quantile, double Value)>? Quantiles = null);
