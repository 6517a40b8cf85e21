namespace Gateway.Bench.Load;

/// <summary>An exact latency distribution (every sample kept and sorted: tens of thousands at most), in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>The nearest-rank percentile: <paramref name="quantile"/> of the samples are at or below it.</summary>
    public double At(double quantile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(quantile * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
