namespace Hosting.Processes;

/// <summary>Stops a process that is not our child: a signal, a grace period, then SIGKILL.</summary>
internal static class ProcessStopper
{
    public static async Task StopAsync(int pid, long startTicks, int signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Native.SendSignal(pid, signal);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!ProcessInfo.IsSameProcess(pid, startTicks))
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        Native.SendSignal(pid, Native.SigKill);
        while (ProcessInfo.IsSameProcess(pid, startTicks))
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
