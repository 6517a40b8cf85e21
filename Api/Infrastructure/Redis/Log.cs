namespace Api.Infrastructure.Redis;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Warning, "Redis connection to {Endpoint} failed ({FailureType}); retrying in the background")]
    public static partial void ConnectionFailed(ILogger logger, string endpoint, string failureType, Exception? exception);

    [LoggerMessage(2001, LogLevel.Information, "Redis connection to {Endpoint} restored")]
    public static partial void ConnectionRestored(ILogger logger, string endpoint);
}
