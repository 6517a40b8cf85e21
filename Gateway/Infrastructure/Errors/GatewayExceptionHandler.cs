using Microsoft.AspNetCore.Diagnostics;

namespace Gateway.Infrastructure.Errors;

/// <summary>
/// Anthropic SDKs cannot parse ProblemDetails, so whatever escapes an endpoint still answers in
/// Anthropic's shape: a protocol error Kestrel raised keeps its status, anything else is a 500
/// that says nothing about the exception.
/// </summary>
internal sealed partial class GatewayExceptionHandler(ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var error = exception is BadHttpRequestException badRequest
            ? ForBadRequest(badRequest)
            : AnthropicErrors.Internal();
        if (error.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        await error.ExecuteAsync(httpContext);
        return true;
    }

    private static AnthropicErrorResult ForBadRequest(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new(exception.StatusCode, "request_too_large", "Request exceeds the maximum allowed number of bytes."),
        _ => new(exception.StatusCode, "invalid_request_error", "The request could not be read."),
    };

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Unhandled exception while serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
