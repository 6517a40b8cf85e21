using System.Globalization;
using Dashboard.Telemetry.Model;
using Attribute = Dashboard.Telemetry.Model.Attribute;

namespace Dashboard.Telemetry;

public readonly record struct ChartPoint(DateTime Time, double Value);

public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points)
{
    public double? Last => Points.Count > 0 ? Points[^1].Value : null;
}

/// <summary>
/// What the metrics page draws: a line per series for gauges and sums, and for histograms the 50th, 90th and 99th
/// percentiles of what was observed in each export interval, across the selected series.
/// </summary>
public static class MetricChart
{
    public const int MaxLines = 12;
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];

    public static IReadOnlyList<ChartSeries> Build(
        InstrumentRecord instrument, IReadOnlyList<(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points)> series) =>
        instrument.Kind switch
        {
            InstrumentKind.Histogram => Percentiles(instrument, series),
            InstrumentKind.Summary => SummaryQuantiles(series),
            _ => Lines(series),
        };

    private static List<ChartSeries> Lines(IReadOnlyList<(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points)> series)
    {
        var varying = VaryingKeys(series.Select(s => s.Attributes));
        return [.. series
            .Select(s => new ChartSeries(Label(s.Attributes, varying), [.. s.Points.Select(p => new ChartPoint(p.Time, p.Value))]))
            .OrderByDescending(s => s.Last ?? double.MinValue)
            .Take(MaxLines)];
    }

    private static List<ChartSeries> Percentiles(
        InstrumentRecord instrument, IReadOnlyList<(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points)> series)
    {
        // Observations per export interval, summed across series that share a timestamp (to the second).
        var intervals = new SortedDictionary<DateTime, (double[] Bounds, ulong[] Counts)>();
        foreach (var (_, points) in series)
        {
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Histogram is not { } current)
                {
                    continue;
                }

                var previous = i > 0 && !instrument.IsDelta ? points[i - 1].Histogram : null;
                var counts = Interval(current, previous, points[i].Start, i > 0 ? points[i - 1].Start : default);
                var time = new DateTime(points[i].Time.Ticks - (points[i].Time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
                if (intervals.TryGetValue(time, out var sum) && sum.Bounds.AsSpan().SequenceEqual(current.Bounds))
                {
                    for (var b = 0; b < counts.Length; b++)
                    {
                        sum.Counts[b] += counts[b];
                    }
                }
                else
                {
                    intervals[time] = (current.Bounds, counts);
                }
            }
        }

        return [.. Quantiles.Select(q => new ChartSeries(
            "p" + (q * 100).ToString(CultureInfo.InvariantCulture),
            [.. intervals
                .Select(i => (i.Key, Value: HistogramPercentile.Compute(i.Value.Bounds, i.Value.Counts, q)))
                .Where(p => p.Value is not null)
                .Select(p => new ChartPoint(p.Key, p.Value!.Value))]))];
    }

    /// <summary>What a cumulative histogram gained since its previous point; a reset (fewer observations, new start) starts over.</summary>
    private static ulong[] Interval(HistogramValue current, HistogramValue? previous, DateTime start, DateTime previousStart)
    {
        var counts = (ulong[])current.Counts.Clone();
        if (previous is null || previous.Count > current.Count || start != previousStart || previous.Counts.Length != counts.Length)
        {
            return counts;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = counts[i] >= previous.Counts[i] ? counts[i] - previous.Counts[i] : 0;
        }

        return counts;
    }

    private static List<ChartSeries> SummaryQuantiles(IReadOnlyList<(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points)> series)
    {
        var points = series.SelectMany(s => s.Points).Where(p => p.Histogram?.Quantiles is not null).OrderBy(p => p.Time).ToList();
        return [.. points.SelectMany(p => p.Histogram!.Quantiles!).Select(q => q.Quantile).Distinct().Order()
            .Select(q => new ChartSeries(
                "q" + q.ToString(CultureInfo.InvariantCulture),
                [.. points.Select(p => new ChartPoint(p.Time, p.Histogram!.Quantiles!.First(v => v.Quantile == q).Value))]))];
    }

    /// <summary>Keys whose value differs between series (or that some series lack): those tell the lines apart.</summary>
    private static HashSet<string> VaryingKeys(IEnumerable<IReadOnlyList<Attribute>> attributeSets)
    {
        var sets = attributeSets.ToList();
        return [.. sets.SelectMany(s => s).GroupBy(a => a.Key, StringComparer.Ordinal)
            .Where(g => g.Count() < sets.Count || g.Select(a => a.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)];
    }

    private static string Label(IReadOnlyList<Attribute> attributes, HashSet<string> varying)
    {
        var parts = attributes.Where(a => varying.Contains(a.Key) && a.Key != "service.instance.id").Select(a => $"{a.Key}={a.Value}").ToList();
        return parts.Count == 0 ? "value" : string.Join(", ", parts);
    }
}
