using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.Chat;

/// <summary>Writes <c>text/event-stream</c> events, each flushed as soon as it is written.</summary>
internal sealed class SseWriter
{
    private readonly HttpResponse _response;

    public SseWriter(HttpContext httpContext)
    {
        _response = httpContext.Response;
        _response.ContentType = "text/event-stream; charset=utf-8";
        _response.Headers.CacheControl = "no-cache";
        // A reverse proxy (nginx) must pass each event on, not collect the reply.
        _response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    public async Task WriteAsync<T>(string name, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        // JSON never holds a raw newline, so the data is always one "data:" line.
        var frame = $"event: {name}\ndata: {JsonSerializer.Serialize(data, typeInfo)}\n\n";
        await _response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }
}
