using System.Net.Http.Headers;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Otlp;

/// <summary>OTLP/HTTP requests made by hand.</summary>
internal static class OtlpHttpCall
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpResponseMessage> PostAsync(
        Uri server,
        string path,
        byte[] body,
        string contentType = "application/x-protobuf",
        string? apiKey = DashboardHost.ApiKey,
        string? contentEncoding = null,
        bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(contentEncoding);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        // A server that refuses on the headers alone answers before the body is sent.
        request.Headers.ExpectContinue = !chunked;
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<Google.Rpc.Status> ReadStatusAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        return Google.Rpc.Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Content without a length, so HttpClient sends it chunked and the server cannot refuse it on Content-Length.</summary>
    private sealed class ChunkedContent(byte[] data) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
