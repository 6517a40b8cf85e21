using Gateway.Bench.Processes;
using Spectre.Console;

namespace Api.Bench;

/// <summary>
/// On two shared cores a compiler in the background moves a p99 by tens of milliseconds, so each timed window
/// first waits (up to a limit) for three seconds in which other processes used at most 10% of the cores, and
/// reports how much of the cores they took during the window itself.
/// </summary>
internal static class QuietWindow
{
    public const double MaxOthers = 0.10;

    public static async Task<(T Result, double Others)> RunAsync<T>(Func<Task<T>> window, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await WaitAsync(maxWait, cancellationToken);
        var start = MachineLoad.Now();
        var result = await window();
        return (result, MachineLoad.Now().OthersSince(start));
    }

    private static async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var quietSeconds = 0;
        var previous = MachineLoad.Now();
        for (var waited = TimeSpan.Zero; waited < maxWait; waited += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = MachineLoad.Now();
            quietSeconds = now.OthersSince(previous) <= MaxOthers ? quietSeconds + 1 : 0;
            previous = now;
            if (quietSeconds >= 3)
            {
                return;
            }
        }

        AnsiConsole.MarkupLine($"  [yellow](other processes kept the cores busy for {maxWait.TotalSeconds:F0} s; measuring anyway)[/]");
    }
}
