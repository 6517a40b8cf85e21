namespace Api.Infrastructure.RateLimiting;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Warning, "Redis is unreachable; the {Policy} per-IP limit lets requests through until it is back")]
    public static partial void RateLimiterUnavailable(ILogger logger, string policy, Exception exception);
}
