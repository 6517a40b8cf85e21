using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Bench;

/// <summary>
/// The dashboard's held and evicted span counts. It has no API for them, so they are read from the UI's stats
/// fragment ("N / M spans", "K spans evicted") after logging in with the browser token.
/// </summary>
internal sealed partial record StoreStats(long HeldSpans, long EvictedSpans)
{
    public static async Task<StoreStats?> ReadAsync(DashboardProcess dashboard, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.FrontendUrl, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var login = await client.GetAsync($"/login?t={dashboard.BrowserToken}", cancellationToken);
            var html = await client.GetStringAsync("/fragments/stats", cancellationToken);
            return Held().Match(html) is { Success: true } held && Evicted().Match(html) is { Success: true } evicted
                ? new StoreStats(Number(held), Number(evicted))
                : null;
        }
        catch (HttpRequestException)
        {
            return null; // the UI changed or refused: the counts are a bonus, not the measurement
        }
    }

    private static long Number(Match match) =>
        long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+) / [\d,]+ spans")]
    private static partial Regex Held();

    [GeneratedRegex(@"([\d,]+) spans evicted")]
    private static partial Regex Evicted();
}
