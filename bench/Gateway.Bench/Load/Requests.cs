using System.Net;
using System.Net.Http.Headers;

namespace Gateway.Bench.Load;

/// <summary>
/// The one request every client of the benchmark sends (the C# generator, wrk, the streaming client), with the same
/// headers to every target so the wire is equal: a client key, <c>anthropic-version</c> and a JSON body.
/// </summary>
internal static class Requests
{
    public const string AnthropicVersion = "2023-06-01";

    public const string Body = """{"model":"claude-haiku-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}""";

    public const string StreamBody = """{"model":"claude-haiku-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}""";

    private static readonly byte[] BodyBytes = System.Text.Encoding.UTF8.GetBytes(Body);
    private static readonly byte[] StreamBodyBytes = System.Text.Encoding.UTF8.GetBytes(StreamBody);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpRequestMessage Create(Uri messagesUri, string clientKey, bool stream)
    {
        var content = new ByteArrayContent(stream ? StreamBodyBytes : BodyBytes);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, messagesUri) { Content = content, Version = HttpVersion.Version11 };
        request.Headers.TryAddWithoutValidation("x-api-key", clientKey);
        request.Headers.TryAddWithoutValidation("anthropic-version", AnthropicVersion);
        // Identical bodies would all be cache hits after the first: the bench measures the proxy path, so it opts out.
        request.Headers.TryAddWithoutValidation("cache-control", "no-store");
        return request;
    }

    /// <summary>A keep-alive HTTP/1.1 pool of its own, as a production client would hold.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>True once <paramref name="messagesUri"/> answers a request with 200: the readiness probe of every target.</summary>
    public static async Task<bool> AnswersAsync(HttpClient client, Uri messagesUri, string clientKey, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Create(messagesUri, clientKey, stream: false);
            using var response = await client.SendAsync(request, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
