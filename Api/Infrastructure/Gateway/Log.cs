namespace Api.Infrastructure.Gateway;

internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Warning, "The gateway at {BaseAddress} could not be reached")]
    public static partial void GatewayUnreachable(ILogger logger, Uri? baseAddress, Exception exception);

    [LoggerMessage(3001, LogLevel.Warning, "The gateway refused the call with {StatusCode} {ErrorType}")]
    public static partial void GatewayRefused(ILogger logger, int? statusCode, string? errorType);

    [LoggerMessage(3002, LogLevel.Warning, "The gateway answered success with a body that is not a Messages API message")]
    public static partial void GatewayReplyUnreadable(ILogger logger);

    // 4090: the stream relay belongs to the chat feature's EventId range (4000–4099).
    [LoggerMessage(4090, LogLevel.Warning, "The gateway's stream failed: {Reason}")]
    public static partial void GatewayStreamBroken(ILogger logger, string reason, Exception? exception);
}
