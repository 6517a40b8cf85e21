using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Upstream;

/// <summary>
/// Sends one request to Anthropic and hands back the response as soon as its headers arrive.
/// One attempt only: retries, timeouts and the circuit breaker are <see cref="Resilience.UpstreamSender"/>'s.
/// </summary>
internal sealed class AnthropicClient(HttpClient httpClient, IOptions<AnthropicOptions> options)
{
    public const string HttpClientName = "anthropic";

    public const string MessagesPath = "/v1/messages";
    public const string CountTokensPath = "/v1/messages/count_tokens";

    private readonly AnthropicOptions _options = options.Value;
    private readonly Uri _messagesUri = options.Value.UriFor(MessagesPath);
    private readonly Uri _countTokensUri = options.Value.UriFor(CountTokensPath);

    public bool IsConfigured => _options.HasApiKey;

    /// <summary>Identifies the upstream: each one gets its own circuit breaker.</summary>
    public string BaseUrl => _options.BaseUrl;

    public string Host => _messagesUri.Authority;

    /// <exception cref="HttpRequestException">No HTTP response came back.</exception>
    public async Task<HttpResponseMessage> SendAsync(string path, ReadOnlyMemory<byte> body, IHeaderDictionary clientHeaders, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, UriFor(path))
        {
            Content = new ReadOnlyMemoryContent(body),
            // HTTP/2 where the provider offers it (TLS + ALPN); plain HTTP/1.1 otherwise.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        ForwardedHeaders.CopyToUpstream(clientHeaders, request, _options.ApiKey!);
        // Headers only: the body is relayed as it arrives, which is what keeps SSE streaming.
        return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    // The two known paths are built once; anything else (a future endpoint) pays for its Uri.
    private Uri UriFor(string path) => path switch
    {
        MessagesPath => _messagesUri,
        CountTokensPath => _countTokensUri,
        _ => _options.UriFor(path),
    };
}
