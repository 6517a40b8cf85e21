using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>The dashboard's RSS when the flood has sent <see cref="Spans"/> spans.</summary>
internal sealed record RssSample(long Spans, TimeSpan Elapsed, long Rss);

/// <summary>Reads the dashboard's RSS as the flood passes each checkpoint (a span count): every 10%, 25%, and the cap.</summary>
internal sealed class RssSampler(DashboardProcess dashboard, IReadOnlyList<long> checkpoints, Action<RssSample> onSample)
{
    private readonly Lock _gate = new();
    private readonly List<RssSample> _samples = [];
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private int _next;

    public IReadOnlyList<RssSample> Samples => _samples;

    public void OnProgress(long sentSpans)
    {
        lock (_gate)
        {
            while (_next < checkpoints.Count && sentSpans >= checkpoints[_next])
            {
                var sample = new RssSample(checkpoints[_next++], _stopwatch.Elapsed, dashboard.Memory.Rss);
                _samples.Add(sample);
                onSample(sample);
            }
        }
    }

    public static IReadOnlyList<long> Checkpoints(long spans, long capCheckpoint)
    {
        var points = Enumerable.Range(1, 10).Select(tenth => spans * tenth / 10).Append(spans / 4).Append(0);
        if (capCheckpoint <= spans)
        {
            points = points.Append(capCheckpoint);
        }

        return [.. points.Distinct().Order()];
    }
}
