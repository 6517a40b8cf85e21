using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gateway.Infrastructure.Errors;

/// <summary>An error the Gateway itself produces, written in Anthropic's wire shape so SDKs parse it.</summary>
internal sealed class AnthropicErrorResult(int statusCode, string type, string message)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private List<KeyValuePair<string, string>>? _headers;

    public int StatusCode => statusCode;

    public string Type => type;

    public string Message => message;

    /// <summary>Adds a header to the error answer (<c>retry-after</c>, <c>anthropic-ratelimit-*</c>).</summary>
    public AnthropicErrorResult WithHeader(string name, string value)
    {
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string ContentType => "application/json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        var requestId = RequestIds.NewRequestId();
        response.Headers["request-id"] = requestId;
        foreach (var (name, value) in _headers ?? [])
        {
            response.Headers[name] = value;
        }

        var error = new AnthropicError(new AnthropicErrorDetail(type, message), requestId);
        await JsonSerializer.SerializeAsync(response.Body, error, ErrorJsonContext.Wire.AnthropicError, httpContext.RequestAborted);
    }
}
