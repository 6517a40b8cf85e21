using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Features.Messages.Upstream;

/// <summary>
/// Relays the provider's event stream event by event: bytes are held only until the blank line that
/// ends an event, then written and flushed, so the client sees each event as the model produces it
/// and never half of one. If the provider's stream breaks, the client gets Anthropic's own
/// <c>error</c> event and a clean end, which SDKs surface as an error rather than a hang or a reset.
/// </summary>
internal sealed class StreamRelayResult(HttpResponseMessage upstream, CallScope scope, long sentAt) : IResult, IStatusCodeHttpResult
{
    private const int InitialBufferBytes = 16 * 1024;

    // Far above any event Anthropic sends; past it the stream is not one the Gateway can relay.
    private const int MaxEventBytes = 16 * 1024 * 1024;

    private static readonly byte[] BrokenEvent =
        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"The upstream model provider's stream was interrupted.\"}}\n\n"u8.ToArray();

    public int? StatusCode => (int)upstream.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = upstream;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = (int)upstream.StatusCode;
        ForwardedHeaders.CopyToClient(upstream, response);
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var relay = new Relay(upstream, response.Body, scope, sentAt);
        // Stays set only if something unexpected escapes; the call is finished below either way.
        string? errorType = "gateway_error";
        try
        {
            await response.StartAsync(cancellationToken);
            await relay.CopyAsync(cancellationToken);
            errorType = null;
            if (!relay.Facts.Stopped && relay.Facts.StreamErrorType is null)
            {
                Log.UpstreamStreamTruncated(scope.Logger, relay.Relayed);
                errorType = "stream_truncated";
                await WriteBrokenEventAsync(response.Body, cancellationToken);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            Log.ClientLeft(scope.Logger, scope.Call.Request.Model);
            errorType = Resilience.UpstreamAttempt.ClientGone;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or InvalidDataException)
        {
            Log.UpstreamStreamBroken(scope.Logger, e, relay.Relayed);
            errorType = "stream_broken";
            await WriteBrokenEventAsync(response.Body, cancellationToken);
        }
        finally
        {
            relay.Dispose();
            errorType ??= relay.Facts.StreamErrorType;
            await scope.FinishAsync(relay.Facts, new CallEnd(errorType is null, response.StatusCode, Mocked: false, errorType));
        }
    }

    private static async Task WriteBrokenEventAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            await body.WriteAsync(BrokenEvent, cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went too; nobody is left to tell.
        }
    }

    /// <summary>The copy loop and its pooled buffer.</summary>
    private sealed class Relay(HttpResponseMessage upstream, Stream client, CallScope scope, long sentAt) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        private int _filled;

        /// <summary>What the events relayed so far said; a field, so the synchronous parsing can take it by ref.</summary>
        public ReplyFacts Facts;

        public long Relayed { get; private set; }

        public async Task CopyAsync(CancellationToken cancellationToken)
        {
            await using var body = await upstream.Content.ReadAsStreamAsync(cancellationToken);
            var first = true;
            int read;
            while ((read = await body.ReadAsync(FreeSpace(), cancellationToken)) > 0)
            {
                if (first)
                {
                    first = false;
                    scope.FirstChunk(sentAt);
                }

                _filled += read;
                var complete = CompleteEvents(ref Facts);
                if (complete > 0)
                {
                    // Every event that is whole goes out now; what arrived together is flushed together.
                    await client.WriteAsync(_buffer.AsMemory(0, complete), cancellationToken);
                    await client.FlushAsync(cancellationToken);
                    Relayed += complete;
                    _buffer.AsSpan(complete, _filled - complete).CopyTo(_buffer);
                    _filled -= complete;
                }
            }
        }

        private int CompleteEvents(ref ReplyFacts facts)
        {
            var complete = 0;
            int length;
            while ((length = SseFrames.EventLength(_buffer.AsSpan(complete, _filled - complete))) > 0)
            {
                Inspect(_buffer.AsSpan(complete, length), ref facts);
                complete += length;
            }

            return complete;
        }

        private static void Inspect(ReadOnlySpan<byte> frame, ref ReplyFacts facts)
        {
            var name = SseFrames.Name(frame);
            if (name.SequenceEqual("message_start"u8) || name.SequenceEqual("message_delta"u8) || name.SequenceEqual("error"u8))
            {
                ReplyReader.Read(SseFrames.Data(frame), ref facts);
            }
            else if (name.SequenceEqual("message_stop"u8))
            {
                facts.Stopped = true;
            }
        }

        private Memory<byte> FreeSpace()
        {
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxEventBytes)
                {
                    throw new InvalidDataException("An upstream event exceeds " + MaxEventBytes + " bytes.");
                }

                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _buffer.AsMemory(_filled);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }
}
