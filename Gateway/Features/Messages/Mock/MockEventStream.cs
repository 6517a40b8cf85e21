using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Features.Messages.Mock;

/// <summary>Anthropic's Messages event stream for a mock reply, each event flushed as it is written.</summary>
internal static class MockEventStream
{
    public static async Task WriteAsync(HttpContext httpContext, MessageRequest request, MockReply reply)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var context = MessagesJsonContext.Wire;
        var body = response.Body;
        var cancellationToken = httpContext.RequestAborted;

        var start = new MessageResponse(RequestIds.NewMessageId(), request.Model, [], null, new Usage(reply.InputTokens, 1));
        await WriteEventAsync(body, "message_start", new MessageStartEvent(start), context.MessageStartEvent, cancellationToken);
        await WriteEventAsync(body, "content_block_start", new ContentBlockStartEvent(0, new TextBlock("")), context.ContentBlockStartEvent, cancellationToken);
        await WriteEventAsync(body, "ping", new PingEvent(), context.PingEvent, cancellationToken);
        foreach (var delta in MockModel.Deltas(reply.Text))
        {
            await WriteEventAsync(body, "content_block_delta", new ContentBlockDeltaEvent(0, new TextDelta(delta)), context.ContentBlockDeltaEvent, cancellationToken);
        }

        await WriteEventAsync(body, "content_block_stop", new ContentBlockStopEvent(0), context.ContentBlockStopEvent, cancellationToken);
        var stop = new MessageDeltaEvent(new StopDelta(reply.StopReason), new OutputUsage(reply.OutputTokens));
        await WriteEventAsync(body, "message_delta", stop, context.MessageDeltaEvent, cancellationToken);
        await WriteEventAsync(body, "message_stop", new MessageStopEvent(), context.MessageStopEvent, cancellationToken);
    }

    private static async Task WriteEventAsync<T>(Stream body, string name, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var frame = $"event: {name}\ndata: {JsonSerializer.Serialize(data, typeInfo)}\n\n";
        await body.WriteAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
