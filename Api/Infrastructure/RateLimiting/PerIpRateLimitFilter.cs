using Microsoft.Extensions.Options;

namespace Api.Infrastructure.RateLimiting;

/// <summary>
/// Refuses a client IP over its limit with 429 and Retry-After. When Redis cannot be reached the request goes
/// through (logged): the per-account lockout still stands, and an outage of the cache must not lock everyone out.
/// </summary>
internal sealed class PerIpRateLimitFilter(
    string policy,
    Func<RateLimitOptions, IpLimit> select,
    SlidingWindowLimiter limiter,
    IOptions<RateLimitOptions> options,
    ILogger<PerIpRateLimitFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        RateLimitDecision decision;
        try
        {
            decision = await limiter.AcquireAsync(policy, http.Connection.RemoteIpAddress, select(options.Value), http.RequestAborted);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.RateLimiterUnavailable(logger, policy, exception);
            return await next(context);
        }

        if (decision.Admitted)
        {
            return await next(context);
        }

        var seconds = (int)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Too many requests from your address to this endpoint; retry in {seconds} s.");
    }
}
