using System.Buffers;
using Gateway.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Features.Messages;

/// <summary>
/// Reads the whole request body, up to a cap, as raw bytes: the Gateway validates a few fields but
/// forwards exactly what the client sent, so it never re-serialises.
/// </summary>
internal static class RequestBody
{
    public static async Task<BodyRead> ReadAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return new BodyRead(default, AnthropicErrors.RequestTooLarge(limit));
        }

        // Kestrel's own default (30 MB) is below Anthropic's 32 MB; the Gateway's cap replaces it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            var body = await ReadCappedAsync(request.Body, (int)(request.ContentLength ?? 0), limit, context.RequestAborted);
            return body is { } content
                ? new BodyRead(content, null)
                : new BodyRead(default, AnthropicErrors.RequestTooLarge(limit));
        }
        catch (BadHttpRequestException e)
        {
            // Broken framing (a bad chunk, a body cut short) is the client's mistake, not the Gateway's.
            var error = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? AnthropicErrors.RequestTooLarge(limit)
                : AnthropicErrors.InvalidRequest("The request body could not be read: " + e.Message);
            return new BodyRead(default, error);
        }
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(Stream body, int expected, int limit, CancellationToken cancellationToken)
    {
        // Not disposed: the returned memory is this stream's buffer, and a MemoryStream holds nothing else.
        var content = new MemoryStream(expected);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (content.Length + read > limit)
                {
                    return null;
                }

                content.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return content.GetBuffer().AsMemory(0, (int)content.Length);
    }
}

/// <summary>The raw body, or the Anthropic error to answer instead.</summary>
internal readonly record struct BodyRead(ReadOnlyMemory<byte> Content, AnthropicErrorResult? Error);
