using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Api.Bench;

/// <summary>
/// <c>--scenario page|all</c>, <c>--messages N</c> (in the big project), <c>--samples N</c> (per page kind),
/// <c>--quiet-wait-seconds N</c> (the longest wait for other processes to leave the cores before a timed window).
/// </summary>
internal sealed record BenchOptions(string Scenario, int Messages, int Samples, int QuietWaitSeconds)
{
    public const string Usage = "usage: Api.Bench [--scenario page|all] [--messages 1000000] [--samples 5000] [--quiet-wait-seconds 120]";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchOptions? options, out string usage)
    {
        usage = Usage;
        options = new BenchOptions("all", 1_000_000, 5000, 120);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = (args[i], args[i + 1]) switch
            {
                ("--scenario", "page" or "all") => options with { Scenario = args[i + 1] },
                ("--messages", var n) when Positive(n, out var count) => options with { Messages = count },
                ("--samples", var n) when Positive(n, out var count) => options with { Samples = count },
                ("--quiet-wait-seconds", var n) when Positive(n, out var count) => options with { QuietWaitSeconds = count },
                _ => null,
            };
            if (options is null)
            {
                return false;
            }
        }

        return args.Length % 2 == 0;
    }

    private static bool Positive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
