using Polly;

namespace ServiceDefaults.Http;

/// <summary>Runs each request through the shared <see cref="HttpResiliencePipeline"/>.</summary>
internal sealed class ResilienceHandler(HttpResiliencePipeline resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipeline.RequestKey, request);
        try
        {
            return await resilience.Pipeline.ExecuteAsync(
                static (context, state) => state.Handler.SendAttemptAsync(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Polly cancels its timeout token sources when a timeout fires and pools them for reuse when it
    /// does not. SocketsHttpHandler lets go of the token once headers are in, but an inner handler
    /// that kept it (to wrap the response stream, say) would see a later execution's timeout. So each
    /// attempt gets its own linked source, released with the headers: the timeouts bound the wait
    /// for headers only, as HttpClient.Timeout does with HttpCompletionOption.ResponseHeadersRead,
    /// and an SSE body read afterwards is never cut by them.
    /// </summary>
    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken attemptToken)
    {
        using var untilHeaders = CancellationTokenSource.CreateLinkedTokenSource(attemptToken);
        return await base.SendAsync(request, untilHeaders.Token);
    }
}
