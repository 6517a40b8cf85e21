using System.Net;
using Polly;
using Polly.Timeout;

namespace ServiceDefaults.Http;

/// <summary>What is worth another attempt, and how long the server asked us to wait.</summary>
internal static class RetryRules
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (request is not null && !ReplayableContent.CanResend(request.Content))
        {
            return false;
        }

        if (request is not null && !IsIdempotent(request.Method))
        {
            return ShouldRetryUnsafe(outcome, maxRetryAfter, timeProvider);
        }

        return outcome.Exception switch
        {
            // TimeoutRejectedException here can only come from the attempt timeout: the total
            // timeout sits outside the retry, and a caller's cancellation stays an OperationCanceledException.
            HttpRequestException or TimeoutRejectedException => true,
            // A Retry-After beyond the whole budget would only end in a timeout; handing the
            // response back lets the caller pass the 429/503 and its Retry-After on.
            null => outcome.Result is { } response
                && IsTransient(response.StatusCode)
                && !(RetryAfter(response, timeProvider) > maxRetryAfter),
            _ => false,
        };
    }

    /// <summary>
    /// A POST may already have done its work (and, through the Gateway, cost money) when it times out or fails
    /// with a 500: it is retried only when it cannot have been processed — the connection was never made, or the
    /// server said 429 or 503.
    /// </summary>
    private static bool ShouldRetryUnsafe(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider) =>
        outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            null => outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
                && !(RetryAfter(response, timeProvider) > maxRetryAfter),
            _ => false,
        };

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <returns>The wait the server asked for, or null to fall back to exponential backoff.</returns>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider) =>
        RetryAfterHeader.WaitOf(response, timeProvider);

    private static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;
}
