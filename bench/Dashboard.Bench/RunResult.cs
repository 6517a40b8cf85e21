namespace Dashboard.Bench;

/// <summary>One protocol's timed flood against its own, fresh dashboard.</summary>
internal sealed record RunResult(
    string Protocol,
    long Spans,
    long WarmupSpans,
    CpuUsage Usage,
    int Requests,
    int Failures,
    string? FirstFailure,
    long RssStart,
    IReadOnlyList<RssSample> Samples,
    long? CapCheckpoint,
    long PeakRss,
    StoreStats? Stats)
{
    public TimeSpan Elapsed => Usage.Elapsed;

    public double SpansPerSecond => Spans / Elapsed.TotalSeconds;

    public double DashboardCpuPerSpan => Usage.DashboardCpu.TotalMicroseconds / Spans;

    public double ClientCpuPerSpan => Usage.ClientCpu.TotalMicroseconds / Spans;

    public long RssEnd => Samples[^1].Rss;

    /// <summary>The RSS when the store first held its cap; null when the flood never filled it.</summary>
    public long? RssAtCap => CapCheckpoint is { } cap ? RssAt(cap) : null;

    public double? EndToCapRatio => RssAtCap is { } atCap ? (double)RssEnd / atCap : null;

    /// <summary>RSS at 25% of the flood, when the store was full by then (else null: no steady reference).</summary>
    public long? RssAtQuarter => CapCheckpoint <= Spans / 4 ? RssAt(Spans / 4) : null;

    public double? LateGrowthRatio => RssAtQuarter is { } quarter ? (double)RssEnd / quarter : null;

    public long RssAt(long spans) => Samples.First(s => s.Spans == spans).Rss;

    /// <summary>Whether the dashboard accounts for every span sent (held + evicted), when its stats could be read.</summary>
    public bool? AllSpansAccounted => Stats is { } stats ? stats.HeldSpans + stats.EvictedSpans == Spans + WarmupSpans : null;
}
