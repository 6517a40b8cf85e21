using System.Globalization;

namespace Gateway.Features.Messages.Resilience;

/// <summary>How long the provider asked the Gateway to wait before trying again.</summary>
internal static class RetryAfter
{
    /// <returns>The wait asked for, or null when the response does not say (backoff decides then).</returns>
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider timeProvider)
    {
        // Milliseconds are the finer of the two; Anthropic's SDKs read them first as well.
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0 && double.IsFinite(ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
