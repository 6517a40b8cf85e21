using System.Diagnostics;
using Gateway.Features.Messages.Upstream;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// Gets an upstream response through the resilience pipeline. Everything here happens before the
/// client is sent a byte, which is what makes retrying safe: once a response is handed back, it is the
/// one the client gets.
/// </summary>
internal sealed class UpstreamSender(AnthropicClient client, UpstreamPipelines pipelines, TimeProvider timeProvider, ILogger<UpstreamSender> logger)
{
    public bool IsConfigured => client.IsConfigured;

    public async ValueTask<UpstreamAttempt> SendAsync(string path, ReadOnlyMemory<byte> body, HttpContext context, Activity? activity)
    {
        var cancellationToken = context.RequestAborted;
        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(UpstreamPipelines.ActivityKey, activity);
        var state = new AttemptState(this, path, body, context.Request.Headers);
        try
        {
            var response = await pipelines.For(client.BaseUrl).ExecuteAsync(
                static (resilience, state) => state.Sender.AttemptAsync(state, resilience.CancellationToken), resilience, state);
            return new UpstreamAttempt(response, null, state.SentAt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new UpstreamAttempt(null, UpstreamAttempt.ClientGone, state.SentAt);
        }
        catch (BrokenCircuitException)
        {
            Log.CircuitRejected(logger, client.Host);
            return new UpstreamAttempt(null, UpstreamAttempt.CircuitOpen, state.SentAt);
        }
        catch (TimeoutRejectedException)
        {
            Log.UpstreamTimedOut(logger, client.Host, (int)pipelines.AttemptTimeout.TotalSeconds);
            return new UpstreamAttempt(null, UpstreamAttempt.TimedOut, state.SentAt);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Log.UpstreamUnreachable(logger, e, client.Host);
            return new UpstreamAttempt(null, UpstreamAttempt.Unreachable, state.SentAt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>
    /// One attempt. A JSON body is read here too: it is small, and a connection that breaks while
    /// sending it is then retried like any other failed attempt. An event stream is left to the relay.
    /// Polly pools its timeout token sources, so the attempt gets its own, released with the headers.
    /// </summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(AttemptState state, CancellationToken attemptToken)
    {
        using var untilHeaders = CancellationTokenSource.CreateLinkedTokenSource(attemptToken);
        state.SentAt = timeProvider.GetTimestamp();
        var response = await client.SendAsync(state.Path, state.Body, state.Headers, untilHeaders.Token);
        if (IsEventStream(response))
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(untilHeaders.Token);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    private sealed class AttemptState(UpstreamSender sender, string path, ReadOnlyMemory<byte> body, IHeaderDictionary headers)
    {
        public UpstreamSender Sender => sender;

        public string Path => path;

        public ReadOnlyMemory<byte> Body => body;

        public IHeaderDictionary Headers => headers;

        /// <summary>When the last attempt was sent: time to first chunk counts from here.</summary>
        public long SentAt { get; set; }
    }
}

/// <summary>The response the client will get, or why there is none.</summary>
internal readonly record struct UpstreamAttempt(HttpResponseMessage? Response, string? Failure, long SentAt)
{
    public const string ClientGone = "client_gone";
    public const string CircuitOpen = "circuit_open";
    public const string TimedOut = "timeout";
    public const string Unreachable = "unreachable";
}
