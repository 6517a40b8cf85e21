namespace Gateway.Infrastructure.Redis;

/// <summary>Redis log events (EventIds 2xxx). Never the connection string: it carries the password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Redis did not answer PING: {ErrorType}")]
    public static partial void PingFailed(ILogger logger, string errorType);
}
