using System.Collections.Concurrent;
using System.Net;

namespace Gateway.Tests.Sdk;

/// <summary>What the SDK put on the wire and what came back to it, captured inside its own handler chain.</summary>
internal sealed class SdkRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<SdkExchange> _exchanges = new();

    public IReadOnlyList<SdkExchange> Exchanges => [.. _exchanges];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = HeadersOf(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()));
        var response = await base.SendAsync(request, cancellationToken);
        _exchanges.Enqueue(new SdkExchange(request.RequestUri!, headers, body, response.StatusCode, HeadersOf(response.Headers)));
        return response;
    }

    private static Dictionary<string, string> HeadersOf(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
}

internal sealed record SdkExchange(
    Uri Uri,
    IReadOnlyDictionary<string, string> RequestHeaders,
    byte[] RequestBody,
    HttpStatusCode Status,
    IReadOnlyDictionary<string, string> ResponseHeaders);
