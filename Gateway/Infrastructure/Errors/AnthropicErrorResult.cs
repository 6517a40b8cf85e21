using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gateway.Infrastructure.Errors;

/// <summary>An error the Gateway itself produces, written in Anthropic's wire shape so SDKs parse it.</summary>
internal sealed class AnthropicErrorResult(int statusCode, string type, string message)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string ContentType => "application/json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers["request-id"] = RequestIds.NewRequestId();
        var error = new AnthropicError(new AnthropicErrorDetail(type, message));
        await JsonSerializer.SerializeAsync(response.Body, error, ErrorJsonContext.Wire.AnthropicError, httpContext.RequestAborted);
    }
}
