using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Bench.Load;

/// <summary>The figures of wrk's report: requests, requests/s, errors, and its p50/p99 (closed-loop, so only indicative).</summary>
internal sealed partial record WrkOutput(long Requests, double RequestsPerSecond, long Non2xx, long SocketErrors, double P50Ms, double P99Ms)
{
    public long Errors => Non2xx + SocketErrors;

    public static WrkOutput Parse(string output) => new(
        long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
        double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
        Number(Non2xxLine().Match(output)),
        SocketErrorsLine().Match(output) is { Success: true } errors
            ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0,
        Milliseconds(output, "50%"),
        Milliseconds(output, "99%"));

    private static long Number(Match match) => match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    // "     99%    1.20ms" in the latency distribution; units us, ms or s.
    private static double Milliseconds(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
