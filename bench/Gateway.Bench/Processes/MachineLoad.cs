namespace Gateway.Bench.Processes;

/// <summary>
/// The machine's CPU split into what this benchmark's process tree used (itself, the stub, nginx, the gateway, Redis,
/// and wrk once it has exited) and what every other process did. On a shared machine the second part says whether a
/// window's figures can be trusted.
/// </summary>
internal readonly record struct MachineLoad(TimeSpan Busy, TimeSpan Total, TimeSpan Ours)
{
    public static MachineLoad Now()
    {
        var (busy, total) = ProcFs.MachineCpu();
        return new MachineLoad(busy, total, ProcFs.TreeCpuTime(Environment.ProcessId));
    }

    /// <summary>Share of all cores (0–1) that processes outside the benchmark used between <paramref name="start"/> and this.</summary>
    public double OthersSince(MachineLoad start) =>
        Total == start.Total ? 0 : Math.Max(0, ((Busy - start.Busy) - (Ours - start.Ours)) / (Total - start.Total));

    public double BusySince(MachineLoad start) => Total == start.Total ? 0 : (Busy - start.Busy) / (Total - start.Total);
}
