namespace Gateway.Bench;

/// <summary>The gateway's resident memory (VmRSS) at the benchmark's checkpoints, and its peak (VmHWM), in bytes.</summary>
internal sealed class GatewayMemory
{
    public long AfterStart { get; set; }

    /// <summary>After start, one request and <see cref="BenchRun.Settle"/> of idle: the "idle RSS".</summary>
    public long Idle { get; set; }

    /// <summary>After every load, settled for <see cref="BenchRun.Settle"/>.</summary>
    public long AfterLoad { get; set; }

    public long Peak { get; set; }
}
