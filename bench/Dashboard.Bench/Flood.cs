using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>The pre-serialized batches: a few to warm the dashboard up (JIT, connections), then the timed flood.</summary>
internal sealed record Flood(ExportBatch[] Warmup, ExportBatch[] Timed, TimeSpan GenerationTime)
{
    public long WarmupSpans => Warmup.Sum(b => (long)b.SpanCount);

    public long TimedSpans => Timed.Sum(b => (long)b.SpanCount);

    public long TimedBytes => Timed.Sum(b => (long)b.ProtobufLength);

    public static Flood Generate(BenchOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var warmup = options.Warmup == 0 ? [] : SpanFlood.Generate(options.Warmup, options.Batch, seed: 1);
        var timed = SpanFlood.Generate(options.Spans, options.Batch, seed: 2);
        return new Flood(warmup, timed, stopwatch.Elapsed);
    }
}
