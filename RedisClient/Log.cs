using Microsoft.Extensions.Logging;

namespace RedisClient;

internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Warning, "Redis connection to {Endpoint} failed ({FailureType}); retrying in the background")]
    public static partial void ConnectionFailed(ILogger logger, string endpoint, string failureType);

    [LoggerMessage(9001, LogLevel.Information, "Redis connection to {Endpoint} restored")]
    public static partial void ConnectionRestored(ILogger logger, string endpoint);

    [LoggerMessage(9002, LogLevel.Warning, "Redis did not answer PING ({ExceptionType})")]
    public static partial void PingFailed(ILogger logger, string exceptionType);
}
