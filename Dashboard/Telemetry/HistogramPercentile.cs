namespace Dashboard.Telemetry;

/// <summary>Percentiles of an explicit-bucket histogram, interpolating linearly inside the bucket the rank falls in.</summary>
public static class HistogramPercentile
{
    /// <param name="bounds">Upper bounds of every bucket but the last (overflow) one, ascending.</param>
    /// <param name="counts">Observations per bucket; one more entry than <paramref name="bounds"/>.</param>
    /// <param name="quantile">Between 0 and 1.</param>
    public static double? Compute(IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, double quantile, double? min = null, double? max = null)
    {
        ulong total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0 || counts.Count != bounds.Count + 1)
        {
            return null;
        }

        var rank = Math.Clamp(quantile, 0, 1) * total;
        double seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var lower = i == 0 ? Math.Min(min ?? 0, bounds.Count > 0 ? bounds[0] : 0) : bounds[i - 1];
            var upper = i < bounds.Count ? bounds[i] : max ?? lower;
            var value = lower + ((upper - lower) * ((rank - seen) / counts[i]));
            return Math.Clamp(value, min ?? double.MinValue, max ?? double.MaxValue);
        }

        return max ?? bounds[^1];
    }
}
