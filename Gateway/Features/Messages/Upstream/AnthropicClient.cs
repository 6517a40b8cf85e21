using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Upstream;

/// <summary>Sends a Messages request to Anthropic and hands back the response as soon as its headers arrive.</summary>
internal sealed class AnthropicClient(HttpClient httpClient, IOptions<AnthropicOptions> options, ILogger<AnthropicClient> logger)
{
    private readonly AnthropicOptions _options = options.Value;
    private readonly Uri _messagesUri = options.Value.MessagesUri();

    public bool IsConfigured => _options.HasApiKey;

    /// <exception cref="UpstreamUnavailableException">No HTTP response came back.</exception>
    public async Task<HttpResponseMessage> SendAsync(ReadOnlyMemory<byte> body, IHeaderDictionary clientHeaders, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messagesUri)
        {
            Content = new ReadOnlyMemoryContent(body),
            // HTTP/2 where the provider offers it (TLS + ALPN); plain HTTP/1.1 otherwise.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        ForwardedHeaders.CopyToUpstream(clientHeaders, request, _options.ApiKey!);
        try
        {
            // Headers only: the body is relayed as it arrives, which is what keeps SSE streaming.
            return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Log.UpstreamUnreachable(logger, e, _messagesUri.Authority);
            throw new UpstreamUnavailableException(timedOut: false, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.UpstreamTimedOut(logger, _messagesUri.Authority, _options.TimeoutSeconds);
            throw new UpstreamUnavailableException(timedOut: true, e);
        }
    }
}
