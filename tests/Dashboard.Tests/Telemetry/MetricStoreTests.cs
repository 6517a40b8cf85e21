using Dashboard.Telemetry;
using Dashboard.Telemetry.Model;
using static Dashboard.Tests.Telemetry.OtlpData;

namespace Dashboard.Tests.Telemetry;

public class MetricStoreTests
{
    private static readonly double[] Bounds = [10, 20, 50, 100];

    [Fact]
    public void Histogram_percentiles_come_from_what_each_interval_added()
    {
        var store = StoreFactory.Create();
        // Cumulative: the first interval saw 100 observations under 10 ms, the second 100 more between 50 and 100 ms.
        store.AddMetrics(Metrics("api", "i1", Histogram("http.server.request.duration", 1, [100, 0, 0, 0, 0], Bounds)));
        store.AddMetrics(Metrics("api", "i1", Histogram("http.server.request.duration", 2, [100, 0, 0, 100, 0], Bounds)));

        var instrument = Assert.Single(store.Metrics.Instruments("api"));
        var chart = MetricChart.Build(instrument, store.Metrics.Series(instrument, new Dictionary<string, string>(), DateTime.MinValue));

        var p50 = chart.Single(s => s.Label == "p50");
        Assert.Equal(2, p50.Points.Count);
        Assert.Equal(5, p50.Points[0].Value, precision: 6);
        Assert.Equal(75, p50.Points[1].Value, precision: 6);
        Assert.Equal(99.5, chart.Single(s => s.Label == "p99").Points[1].Value, precision: 6);
    }

    [Fact]
    public void Dimension_filters_select_series()
    {
        var store = StoreFactory.Create();
        store.AddMetrics(Metrics("api", null, Gauge("queue.length", 1, 3, Attr("queue", "a")), Gauge("queue.length", 1, 8, Attr("queue", "b"))));

        var instrument = Assert.Single(store.Metrics.Instruments("api"));
        Assert.Equal(["a", "b"], store.Metrics.Dimensions(instrument)["queue"]);
        var all = MetricChart.Build(instrument, store.Metrics.Series(instrument, new Dictionary<string, string>(), DateTime.MinValue));
        Assert.Equal(["queue=b", "queue=a"], all.Select(s => s.Label));
        var onlyA = store.Metrics.Series(instrument, new Dictionary<string, string> { ["queue"] = "a" }, DateTime.MinValue);
        Assert.Equal(3, Assert.Single(Assert.Single(onlyA).Points).Value);
    }

    [Fact]
    public void Points_per_series_and_series_per_instrument_are_capped()
    {
        var store = StoreFactory.Create(l => { l.MaxMetricPointsPerSeries = 2; l.MaxSeriesPerInstrument = 1; });
        for (var second = 1; second <= 4; second++)
        {
            store.AddMetrics(Metrics("api", null, Gauge("g", second, second)));
        }

        var result = store.AddMetrics(Metrics("api", null, Gauge("g", 5, 5, Attr("other", "series"))));

        var instrument = Assert.Single(store.Metrics.Instruments("api"));
        var points = Assert.Single(store.Metrics.Series(instrument, new Dictionary<string, string>(), DateTime.MinValue)).Points;
        Assert.Equal([3.0, 4.0], points.Select(p => p.Value));
        Assert.Equal(2, store.Metrics.EvictedPoints);
        Assert.Equal(1, result.Rejected);
        Assert.Equal(1, instrument.RejectedSeries);
    }

    [Theory]
    [InlineData(0.5, 15)]
    [InlineData(0.25, 12.5)]
    [InlineData(1.0, 20)]
    public void Percentiles_interpolate_inside_the_bucket(double quantile, double expected)
    {
        // 0 below 10, 4 in (10, 20], none above.
        Assert.Equal(expected, HistogramPercentile.Compute([10, 20], [0, 4, 0], quantile)!.Value, precision: 6);
    }

    [Fact]
    public void An_empty_histogram_has_no_percentile() =>
        Assert.Null(HistogramPercentile.Compute([10], [0, 0], 0.5));
}
