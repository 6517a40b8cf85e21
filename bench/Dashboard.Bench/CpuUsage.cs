using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>
/// Wall time and the CPU the dashboard and this client each used over the timed flood: on a small machine both share
/// the cores, so the dashboard's CPU per span is the figure that does not depend on the client.
/// </summary>
internal sealed class CpuUsage
{
    private readonly DashboardProcess _dashboard;
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private readonly TimeSpan _dashboardStart;
    private readonly TimeSpan _clientStart = Process.GetCurrentProcess().TotalProcessorTime;

    public CpuUsage(DashboardProcess dashboard)
    {
        _dashboard = dashboard;
        _dashboardStart = dashboard.CpuTime;
    }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan DashboardCpu { get; private set; }

    public TimeSpan ClientCpu { get; private set; }

    public void Stop()
    {
        Elapsed = _stopwatch.Elapsed;
        DashboardCpu = _dashboard.CpuTime - _dashboardStart;
        ClientCpu = Process.GetCurrentProcess().TotalProcessorTime - _clientStart;
    }
}
