using System.Net;
using System.Text;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>The body cap defaults to Anthropic's 32 MB: larger bodies get 413 <c>request_too_large</c>, smaller ones pass.</summary>
public sealed class RequestSizeTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>
{
    private const int Cap = 32 * 1024 * 1024;

    [Fact]
    public async Task Body_over_the_cap_with_content_length_is_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new ByteArrayContent(PaddedBody(Cap + 1)) };
        // The Gateway refuses on Content-Length alone and closes the connection without reading the
        // body; a client that waits for 100-continue sees the 413 instead of a broken pipe.
        request.Headers.ExpectContinue = true;

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (type, _) = await Requests.ReadErrorAsync(response);
        Assert.Equal("request_too_large", type);
    }

    [Fact]
    public async Task Chunked_body_over_the_cap_is_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new ChunkedContent(PaddedBody(Cap + 1)) };

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (type, _) = await Requests.ReadErrorAsync(response);
        Assert.Equal("request_too_large", type);
    }

    [Fact]
    public async Task Body_just_under_the_cap_is_accepted_although_Kestrel_defaults_to_30_MB()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new ByteArrayContent(PaddedBody(Cap - 1024)) };

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A valid request of exactly <paramref name="size"/> bytes, padded with a long user message.</summary>
    private static byte[] PaddedBody(int size)
    {
        var empty = Encoding.UTF8.GetByteCount(Requests.Body("m", text: ""));
        return Encoding.UTF8.GetBytes(Requests.Body("m", text: new string('a', size - empty)));
    }

    /// <summary>Content without a length, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent(byte[] data) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < data.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(64 * 1024, data.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
