namespace Gateway.Bench;

/// <summary>What "done" means (the targets), on a 2-core machine with the production defaults on.</summary>
internal static class Thresholds
{
    /// <summary>The gateway's p99 minus the direct p99 at <see cref="BenchOptions.Rate"/> (1,000 requests/s).</summary>
    public const double MaxAddedP99Milliseconds = 1.5;

    /// <summary>
    /// The gateway's maximum throughput over nginx's proxy_pass in front of the same stub, in the same run: nginx from
    /// Debian is the practical limit of a proxy on this machine.
    /// </summary>
    public const double MinThroughputRatioToNginx = 0.5;

    /// <summary>VmRSS after start, one request and 10 s of idle.</summary>
    public const long MaxIdleRssBytes = 80L * 1024 * 1024;
}
