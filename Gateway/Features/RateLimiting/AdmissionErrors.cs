using System.Globalization;
using Gateway.Infrastructure.Errors;

namespace Gateway.Features.RateLimiting;

/// <summary>The answer to a refused admission, in Anthropic's words and headers, so SDKs back off as they would from Anthropic.</summary>
internal static class AdmissionErrors
{
    public static AnthropicErrorResult For(AdmissionResult result, DateTimeOffset now) => result.Status switch
    {
        AdmissionStatus.UnknownKey => AnthropicErrors.InvalidApiKey(),
        AdmissionStatus.BudgetSpent => AnthropicErrors.InvalidRequest(
            $"This key has reached its monthly spend limit. It regains access on {FirstOfNextMonth(now):yyyy-MM-dd} at 00:00 UTC."),
        AdmissionStatus.RequestsLimited => Limited(result, now,
            $"This request would exceed this key's rate limit of {result.RequestsLimit} requests per minute. Retry after {result.RetryAfterSeconds} s."),
        AdmissionStatus.TokensLimited => Limited(result, now,
            $"This request would exceed this key's rate limit of {result.TokensLimit} tokens per minute. Retry after {result.RetryAfterSeconds} s."),
        AdmissionStatus.LargerThanTokenLimit => Limited(result, now,
            $"This request's input alone exceeds this key's limit of {result.TokensLimit} tokens per minute; it can never be admitted. Reduce the prompt or raise the key's limit."),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a refusal."),
    };

    /// <summary>The metric tag naming the limit that refused a request.</summary>
    public static string LimitName(AdmissionStatus status) => status switch
    {
        AdmissionStatus.RequestsLimited => "requests_per_minute",
        AdmissionStatus.TokensLimited or AdmissionStatus.LargerThanTokenLimit => "tokens_per_minute",
        AdmissionStatus.BudgetSpent => "monthly_budget",
        _ => "key",
    };

    private static AnthropicErrorResult Limited(AdmissionResult result, DateTimeOffset now, string message)
    {
        var reset = Rfc3339(now.AddSeconds(result.RetryAfterSeconds));
        return AnthropicErrors.RateLimited(message)
            .WithHeader("retry-after", result.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))
            .WithHeader("anthropic-ratelimit-requests-limit", result.RequestsLimit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("anthropic-ratelimit-requests-remaining", result.RequestsRemaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("anthropic-ratelimit-requests-reset", result.Status == AdmissionStatus.RequestsLimited ? reset : Rfc3339(now))
            .WithHeader("anthropic-ratelimit-tokens-limit", result.TokensLimit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("anthropic-ratelimit-tokens-remaining", result.TokensRemaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("anthropic-ratelimit-tokens-reset", result.Status == AdmissionStatus.RequestsLimited ? Rfc3339(now) : reset);
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTime FirstOfNextMonth(DateTimeOffset now) => new DateTime(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
}
