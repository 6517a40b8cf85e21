namespace Gateway.Features.Messages;

/// <summary>Messages feature log events (EventIds 1xxx). No message carries the API key or a request body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Upstream {Host} could not be reached")]
    public static partial void UpstreamUnreachable(ILogger logger, Exception exception, string host);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Upstream {Host} did not answer within {TimeoutSeconds} s")]
    public static partial void UpstreamTimedOut(ILogger logger, string host, int timeoutSeconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Upstream response stream broke after {Bytes} bytes; the client gets an error event")]
    public static partial void UpstreamStreamBroken(ILogger logger, Exception exception, long bytes);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Rejected a Messages request: {Problem}")]
    public static partial void RequestRejected(ILogger logger, string problem);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Mock model answered {Model} with {OutputTokens} tokens ({StopReason})")]
    public static partial void MockAnswered(ILogger logger, string model, int outputTokens, string stopReason);
}
