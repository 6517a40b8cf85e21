namespace Gateway.Features.Messages;

/// <summary>Retries, the circuit breaker, fallback and the relay (EventIds 11xx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Upstream {Upstream} attempt failed ({Reason}); retry {Retry} in {DelayMs} ms")]
    public static partial void RetryingUpstream(ILogger logger, string upstream, string reason, int retry, double delayMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Circuit to upstream {Upstream} opened for {BreakSeconds} s")]
    public static partial void CircuitOpened(ILogger logger, string upstream, double breakSeconds);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Circuit to upstream {Upstream} half-open: one probe request goes through")]
    public static partial void CircuitHalfOpened(ILogger logger, string upstream);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Circuit to upstream {Upstream} closed")]
    public static partial void CircuitClosed(ILogger logger, string upstream);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Circuit to upstream {Host} is open; not calling it")]
    public static partial void CircuitRejected(ILogger logger, string host);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Upstream failed ({Reason}); the mock model answers {Model}")]
    public static partial void FellBack(ILogger logger, string reason, string model);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "The completion callback of a {Model} call failed")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Upstream stream ended without message_stop after {Bytes} bytes; the client gets an error event")]
    public static partial void UpstreamStreamTruncated(ILogger logger, long bytes);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Debug, Message = "Client left while {Model} was being answered")]
    public static partial void ClientLeft(ILogger logger, string model);
}
