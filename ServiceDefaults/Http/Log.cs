using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "HTTP {Method} to {Host} failed with {Reason}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string? method, string? host, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Service {Service} resolved to {Address}")]
    public static partial void ServiceResolved(ILogger logger, string service, string address);
}
