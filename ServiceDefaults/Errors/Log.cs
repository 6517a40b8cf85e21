using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Errors;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "Unhandled exception while processing {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Bad request {Method} {Path} answered with {StatusCode}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string method, PathString path, int statusCode, string reason);
}
