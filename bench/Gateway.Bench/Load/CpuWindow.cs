using Gateway.Bench.Processes;

namespace Gateway.Bench.Load;

/// <summary>
/// CPU used over a timed window by the proxy (all its processes), the stub, and the machine as a whole: on two cores
/// wrk, the proxy and the stub compete, so the proxy's CPU per request is the figure that says how heavy it is.
/// </summary>
internal sealed class CpuWindow
{
    private readonly IReadOnlyList<int> _proxyPids;
    private readonly int _stubPid;
    private readonly TimeSpan _proxyStart;
    private readonly TimeSpan _stubStart;
    private readonly MachineLoad _machineStart;

    public CpuWindow(IReadOnlyList<int> proxyPids, int stubPid)
    {
        _proxyPids = proxyPids;
        _stubPid = stubPid;
        _proxyStart = Sum(proxyPids);
        _stubStart = ProcFs.CpuTime(stubPid);
        _machineStart = MachineLoad.Now();
    }

    public CpuUse Stop()
    {
        var machine = MachineLoad.Now();
        return new CpuUse(Sum(_proxyPids) - _proxyStart, ProcFs.CpuTime(_stubPid) - _stubStart, machine.BusySince(_machineStart), machine.OthersSince(_machineStart));
    }

    private static TimeSpan Sum(IReadOnlyList<int> pids) => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcFs.CpuTime(pid));
}

/// <summary>
/// CPU time of the proxy and the stub over the window, how busy the machine's cores were (0–1), and how much of that
/// was processes outside the benchmark.
/// </summary>
internal readonly record struct CpuUse(TimeSpan Proxy, TimeSpan Stub, double MachineBusy, double Others);
