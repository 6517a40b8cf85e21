namespace Gateway.Bench.Processes;

/// <summary>
/// Waits, before each timed window, for the other processes on the machine (builds, tests) to leave the cores alone:
/// on two cores a compiler in the background is enough to move a p99 by tens of milliseconds.
/// </summary>
internal static class QuietMachine
{
    /// <summary>Share of all cores other processes may use for the machine to count as quiet.</summary>
    public const double MaxOthers = 0.10;

    private const int QuietSecondsNeeded = 3;
    /// <returns>How long it waited; <paramref name="maxWait"/> when the machine never quietened and it went on anyway.</returns>
    public static async Task<TimeSpan> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var quietSeconds = 0;
        var previous = MachineLoad.Now();
        while (waited < maxWait)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            waited += TimeSpan.FromSeconds(1);
            var now = MachineLoad.Now();
            quietSeconds = now.OthersSince(previous) <= MaxOthers ? quietSeconds + 1 : 0;
            previous = now;
            if (quietSeconds >= QuietSecondsNeeded)
            {
                waited -= TimeSpan.FromSeconds(QuietSecondsNeeded);
                if (waited > TimeSpan.Zero)
                {
                    Report.Line($"  (waited {waited.TotalSeconds:F0} s for other processes to leave the cores)");
                }

                return waited;
            }
        }

        if (maxWait > TimeSpan.Zero)
        {
            Report.Line($"  (other processes kept the cores busy for {maxWait.TotalSeconds:F0} s; going on without a quiet machine)");
        }

        return maxWait;
    }
}
