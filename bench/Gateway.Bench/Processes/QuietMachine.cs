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
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(90);

    /// <returns>How long it waited; <see cref="MaxWait"/> when the machine never quietened and it went on anyway.</returns>
    public static async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var quietSeconds = 0;
        var previous = MachineLoad.Now();
        while (waited < MaxWait)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            waited += TimeSpan.FromSeconds(1);
            var now = MachineLoad.Now();
            quietSeconds = now.OthersSince(previous) <= MaxOthers ? quietSeconds + 1 : 0;
            previous = now;
            if (quietSeconds >= QuietSecondsNeeded)
            {
                return waited - TimeSpan.FromSeconds(QuietSecondsNeeded);
            }
        }

        return MaxWait;
    }
}
