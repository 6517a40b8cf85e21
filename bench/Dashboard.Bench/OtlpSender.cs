using System.Net;
using System.Net.Http.Headers;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Bench;

/// <summary>Sends one pre-serialized batch and checks the answer: null when it was accepted whole, else why not.</summary>
internal abstract class OtlpSender(Uri endpoint, string apiKey, int connections, Version version) : IDisposable
{
    private const string ApiKeyHeader = "x-otlp-api-key";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = endpoint,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public abstract string Protocol { get; }

    public async Task<string?> SendAsync(ExportBatch batch, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(batch);

        // Set per request: HttpClient.DefaultRequestVersion applies to its helpers only, not to SendAsync(HttpRequestMessage).
        // Exact, as gRPC needs HTTP/2 with prior knowledge (h2c) and OTLP/HTTP exporters mostly speak HTTP/1.1.
        request.Version = version;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return Check(response, body);
    }

    public void Dispose() => _client.Dispose();

    protected abstract HttpRequestMessage CreateRequest(ExportBatch batch);

    protected abstract string? Check(HttpResponseMessage response, byte[] body);

    protected static HttpRequestMessage Post(string path, ByteArrayContent content, string contentType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>OTLP's partial success: a 200 that still turned spans away is a failure here.</summary>
    protected static string? CheckPartialSuccess(ReadOnlySpan<byte> response)
    {
        if (response.IsEmpty)
        {
            return null;
        }

        var rejected = ExportTraceServiceResponse.Parser.ParseFrom(response).PartialSuccess?.RejectedSpans ?? 0;
        return rejected == 0 ? null : $"{rejected} spans rejected (partial success)";
    }
}
