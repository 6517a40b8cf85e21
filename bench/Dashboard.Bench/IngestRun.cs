namespace Dashboard.Bench;

/// <summary>Starts a fresh dashboard, warms it up, then times the flood over one protocol while sampling the dashboard's RSS.</summary>
internal static class IngestRun
{
    public static async Task<RunResult> RunAsync(bool grpc, Flood flood, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var dashboard = await DashboardProcess.StartAsync(options.Cap, cancellationToken);
        using OtlpSender sender = grpc
            ? new GrpcSender(dashboard.GrpcUrl, dashboard.ApiKey, options.Concurrency)
            : new HttpSender(dashboard.HttpUrl, dashboard.ApiKey, options.Concurrency);
        Report.Started(sender.Protocol, dashboard);
        var rssStart = dashboard.Memory.Rss;

        var warmup = new BatchPump(sender, flood.Warmup);
        await warmup.RunAsync(options.Concurrency, cancellationToken);

        var capCheckpoint = Math.Max(0, options.Cap - flood.WarmupSpans);
        var checkpoints = RssSampler.Checkpoints(flood.TimedSpans, capCheckpoint);
        var sampler = new RssSampler(dashboard, checkpoints, sample => Report.Progress(sender.Protocol, sample, flood.TimedSpans, capCheckpoint));
        var timed = new BatchPump(sender, flood.Timed, sampler.OnProgress);
        sampler.OnProgress(0);
        var cpu = new CpuUsage(dashboard);
        await timed.RunAsync(options.Concurrency, cancellationToken);
        cpu.Stop();

        var peak = dashboard.Memory.Peak;
        var stats = await StoreStats.ReadAsync(dashboard, cancellationToken);
        return new RunResult(
            sender.Protocol, flood.TimedSpans, flood.WarmupSpans, cpu, flood.Timed.Length + flood.Warmup.Length,
            timed.Failures + warmup.Failures, timed.FirstFailure ?? warmup.FirstFailure, rssStart, sampler.Samples,
            capCheckpoint <= flood.TimedSpans ? capCheckpoint : null, peak, stats);
    }
}
