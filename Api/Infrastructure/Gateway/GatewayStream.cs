using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Api.Infrastructure.Gateway;

/// <summary>
/// A streamed Messages reply the Gateway has accepted (status 2xx, headers in). <see cref="ReadTextAsync"/>
/// yields its text deltas; once it has run to the end without throwing, the reply is complete and
/// <see cref="Model"/>, the token counts and <see cref="StopReason"/> are final. A stream that breaks,
/// carries an <c>error</c> event or ends before <c>message_stop</c> throws <see cref="GatewayException"/>.
/// </summary>
internal sealed class GatewayStream(HttpResponseMessage response, string requestedModel, ILogger logger) : IDisposable
{
    public string Model { get; private set; } = requestedModel;

    public int InputTokens { get; private set; }

    public int OutputTokens { get; private set; }

    public string? StopReason { get; private set; }

    public async IAsyncEnumerable<string> ReadTextAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var events = SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(events, cancellationToken))
        {
            var item = events.Current;
            if (item.EventType == "message_stop")
            {
                yield break;
            }

            if (Read(item) is { Length: > 0 } text)
            {
                yield return text;
            }
        }

        Log.GatewayStreamBroken(logger, "the stream ended before message_stop", null);
        throw new GatewayException("The gateway's stream ended before the reply was complete.", (int)response.StatusCode);
    }

    private string? Read(SseItem<string> item)
    {
        var streamEvent = Parse(item.Data);
        switch (item.EventType)
        {
            case "message_start" when streamEvent.Message is { } message:
                Model = message.Model ?? Model;
                InputTokens = message.Usage?.InputTokens ?? 0;
                return null;
            case "content_block_delta" when streamEvent.Delta is { Type: "text_delta", Text: var text }:
                return text;
            case "message_delta":
                StopReason = streamEvent.Delta?.StopReason ?? StopReason;
                OutputTokens = streamEvent.Usage?.OutputTokens ?? OutputTokens;
                return null;
            case "error":
                var type = streamEvent.Error?.Type ?? "api_error";
                Log.GatewayStreamBroken(logger, type, null);
                throw new GatewayException($"The gateway's stream failed with {type}: {streamEvent.Error?.Message}", (int)response.StatusCode, type);
            default:
                return null;
        }
    }

    private StreamEvent Parse(string data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, GatewayJsonContext.Default.StreamEvent) ?? Unreadable();
        }
        catch (JsonException)
        {
            return Unreadable();
        }
    }

    private StreamEvent Unreadable()
    {
        Log.GatewayStreamBroken(logger, "an event that is not JSON", null);
        throw new GatewayException("The gateway's stream carried an event that is not JSON.", (int)response.StatusCode);
    }

    // The read, not the caller, decides what a broken connection means: the gateway failing mid-stream.
    private async Task<bool> NextAsync(IAsyncEnumerator<SseItem<string>> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            Log.GatewayStreamBroken(logger, "the connection broke", exception);
            throw new GatewayException("The gateway's stream broke before the reply was complete.", (int)response.StatusCode, innerException: exception);
        }
    }

    public void Dispose() => response.Dispose();
}
