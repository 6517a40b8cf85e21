using Dashboard.Telemetry.Model;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace Dashboard.Telemetry;

/// <summary>Reads the data points of any OTLP metric type into <see cref="MetricPoint"/>s.</summary>
internal static class MetricPoints
{
    public static IEnumerable<(IList<KeyValue> Attributes, MetricPoint Point)> From(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(Number),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(Number),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(Explicit),
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(Exponential),
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(Summary),
        _ => [],
    };

    private static (IList<KeyValue>, MetricPoint) Number(NumberDataPoint point) => (point.Attributes, new MetricPoint(
        OtlpConverter.ToDateTime(point.StartTimeUnixNano),
        OtlpConverter.ToDateTime(point.TimeUnixNano),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        null));

    private static (IList<KeyValue>, MetricPoint) Explicit(HistogramDataPoint point)
    {
        var histogram = new HistogramValue(
            point.Count,
            point.HasSum ? point.Sum : 0,
            [.. point.ExplicitBounds],
            [.. point.BucketCounts],
            point.HasMin ? point.Min : null,
            point.HasMax ? point.Max : null);
        return (point.Attributes, Point(point.StartTimeUnixNano, point.TimeUnixNano, histogram));
    }

    /// <summary>
    /// Exponential buckets as explicit ones: bucket <c>i</c> covers (base^i, base^(i+1)] with base = 2^(2^-scale).
    /// Negative values and the zero bucket fold into the first bucket: latencies and sizes are never negative.
    /// </summary>
    private static (IList<KeyValue>, MetricPoint) Exponential(ExponentialHistogramDataPoint point)
    {
        var positive = point.Positive?.BucketCounts ?? [];
        var offset = point.Positive?.Offset ?? 0;
        var scaleBase = Math.Pow(2, Math.Pow(2, -point.Scale));
        var bounds = new double[positive.Count + 1];
        var counts = new ulong[positive.Count + 2];
        bounds[0] = Math.Pow(scaleBase, offset);
        counts[0] = point.ZeroCount + (ulong)(point.Negative?.BucketCounts.Sum(c => (decimal)c) ?? 0);
        for (var i = 0; i < positive.Count; i++)
        {
            bounds[i + 1] = Math.Pow(scaleBase, offset + i + 1);
            counts[i + 1] = positive[i];
        }

        var histogram = new HistogramValue(
            point.Count, point.HasSum ? point.Sum : 0, bounds, counts, point.HasMin ? point.Min : null, point.HasMax ? point.Max : null);
        return (point.Attributes, Point(point.StartTimeUnixNano, point.TimeUnixNano, histogram));
    }

    private static (IList<KeyValue>, MetricPoint) Summary(SummaryDataPoint point)
    {
        var histogram = new HistogramValue(
            point.Count, point.Sum, [], [point.Count], null, null, [.. point.QuantileValues.Select(q => (q.Quantile, q.Value))]);
        return (point.Attributes, Point(point.StartTimeUnixNano, point.TimeUnixNano, histogram));
    }

    private static MetricPoint Point(ulong start, ulong time, HistogramValue histogram) =>
        new(OtlpConverter.ToDateTime(start), OtlpConverter.ToDateTime(time), histogram.Count == 0 ? 0 : histogram.Sum / histogram.Count, histogram);
}
