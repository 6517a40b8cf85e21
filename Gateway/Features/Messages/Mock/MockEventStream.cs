using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Features.Messages.Mock;

/// <summary>
/// Anthropic's Messages event stream for a mock reply, each event flushed as it is written and paced
/// as configured. Frames are built in one reused buffer: the mock serves load tests, so it must not
/// be what a benchmark measures.
/// </summary>
internal sealed class MockEventStream(HttpContext httpContext, CallScope scope, MockReply reply, MockOptions pacing, TimeProvider timeProvider)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _frame = new(1024);
    private readonly Stream _body = httpContext.Response.Body;
    private readonly CancellationToken _cancellationToken = httpContext.RequestAborted;
    private Utf8JsonWriter? _json;

    /// <summary>What the client has been sent so far: input once <c>message_start</c> is out, output as deltas go.</summary>
    public ReplyFacts Facts;

    public async Task WriteAsync(string messageId)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var context = MessagesJsonContext.Wire;
        var model = scope.Call.Request.Model;
        Facts = new ReplyFacts { Id = messageId, Model = model };
        var started = timeProvider.GetTimestamp();

        await DelayUntilAsync(started, pacing.FirstChunkDelay);
        var start = new MessageResponse(messageId, model, [], null, new Usage(reply.InputTokens, 1));
        await WriteEventAsync("message_start"u8, new MessageStartEvent(start), context.MessageStartEvent);
        scope.FirstChunk(started);
        Facts.InputTokens = reply.InputTokens;
        Facts.OutputTokens = 1;
        await WriteEventAsync("content_block_start"u8, new ContentBlockStartEvent(0, new TextBlock("")), context.ContentBlockStartEvent);
        await WriteEventAsync("ping"u8, new PingEvent(), context.PingEvent);

        var chars = 0;
        foreach (var delta in MockModel.Deltas(reply.Text))
        {
            // Due times count from the start, so the pace holds however long each write took.
            await DelayUntilAsync(started, pacing.FirstChunkDelay + pacing.TimeFor((double)chars / MockModel.CharsPerToken));
            await WriteEventAsync("content_block_delta"u8, new ContentBlockDeltaEvent(0, new TextDelta(delta)), context.ContentBlockDeltaEvent);
            chars += delta.Length;
            Facts.OutputTokens = Math.Min(reply.OutputTokens, Math.Max(1, MockModel.Tokens(chars)));
        }

        await WriteEventAsync("content_block_stop"u8, new ContentBlockStopEvent(0), context.ContentBlockStopEvent);
        var stop = new MessageDeltaEvent(new StopDelta(reply.StopReason), new OutputUsage(reply.OutputTokens));
        await WriteEventAsync("message_delta"u8, stop, context.MessageDeltaEvent);
        Facts.OutputTokens = reply.OutputTokens;
        Facts.StopReason = reply.StopReason;
        await WriteEventAsync("message_stop"u8, new MessageStopEvent(), context.MessageStopEvent);
        Facts.Stopped = true;
    }

    private Task DelayUntilAsync(long started, TimeSpan due)
    {
        var wait = due - timeProvider.GetElapsedTime(started);
        return wait > TimeSpan.Zero ? Task.Delay(wait, timeProvider, _cancellationToken) : Task.CompletedTask;
    }

    // Not async, so the event name can be a UTF-8 literal: the frame is built before the first await.
    private Task WriteEventAsync<T>(ReadOnlySpan<byte> name, T data, JsonTypeInfo<T> typeInfo)
    {
        _frame.ResetWrittenCount();
        _frame.Write("event: "u8);
        _frame.Write(name);
        _frame.Write("\ndata: "u8);
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_frame, WriterOptions);
        }
        else
        {
            _json.Reset(_frame);
        }

        JsonSerializer.Serialize(_json, data, typeInfo);
        _json.Flush();
        _frame.Write("\n\n"u8);
        return SendFrameAsync();
    }

    private async Task SendFrameAsync()
    {
        await _body.WriteAsync(_frame.WrittenMemory, _cancellationToken);
        await _body.FlushAsync(_cancellationToken);
    }
}
