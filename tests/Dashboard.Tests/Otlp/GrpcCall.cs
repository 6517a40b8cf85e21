using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Dashboard.Tests.Support;
using Google.Protobuf;

namespace Dashboard.Tests.Otlp;

/// <summary>What a hand-made gRPC call got back: HTTP status, headers, body, and the gRPC status from wherever it came.</summary>
internal sealed record GrpcReply(HttpStatusCode HttpStatus, HttpResponseHeaders Headers, HttpResponseHeaders Trailers, string? ContentType, byte[] Body)
{
    /// <summary>Trailers-only: the status came in the response headers, with no body and no trailers.</summary>
    public bool TrailersOnly => Headers.Contains("grpc-status") && !Trailers.Contains("grpc-status");

    public int? Status => Value("grpc-status") is { } status ? int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Message => Value("grpc-message") is { } message ? Uri.UnescapeDataString(message) : null;

    /// <summary>The one length-prefixed, uncompressed response message.</summary>
    public T ReadMessage<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        Assert.True(Body.Length >= 5, "The response has no message prefix.");
        Assert.Equal(0, Body[0]);
        Assert.Equal(Body.Length - 5, (int)BinaryPrimitives.ReadUInt32BigEndian(Body.AsSpan(1)));
        return parser.ParseFrom(Body.AsSpan(5));
    }

    private string? Value(string name) =>
        Trailers.TryGetValues(name, out var trailer) ? trailer.Single()
        : Headers.TryGetValues(name, out var header) ? header.Single()
        : null;
}

/// <summary>gRPC unary calls made by hand over h2c, to see exactly what the receiver answers.</summary>
internal static class GrpcCall
{
    public const string TracePath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    /// <summary>Requests it makes itself (GetAsync, PostAsync) go out as HTTP/2 with prior knowledge, as gRPC clients do.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>gRPC's 5-byte prefix (flag, big-endian length) and the message; the prefix may lie about either.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static async Task<GrpcReply> SendAsync(
        HttpClient client,
        Uri server,
        string path,
        byte[] body,
        string? apiKey = DashboardHost.ApiKey,
        string contentType = "application/grpc",
        string? grpcEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        if (grpcEncoding is not null)
        {
            request.Headers.Add("grpc-encoding", grpcEncoding);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpVersion.Version20, response.Version);
        return new GrpcReply(response.StatusCode, response.Headers, response.TrailingHeaders, response.Content.Headers.ContentType?.MediaType, content);
    }
}
