using System.Globalization;
using ServiceDefaults.Http;

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

        return RetryAfterHeader.WaitOf(response, timeProvider);
    }
}
