using Google.Protobuf;

namespace Dashboard.Tests.Otlp;

/// <summary>OTLP/gRPC's envelope: the length-prefixed message, its size limit and its compression.</summary>
public sealed class OtlpGrpcFramingTests : GrpcReceiverTestBase
{
    [Fact]
    public async Task Garbage_protobuf_is_INVALID_ARGUMENT()
    {
        // Field 1, length-delimited, claiming 16 bytes of which one follows.
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame([0x0A, 0x10, 0x01]));

        Assert.Equal(3, reply.Status);
        Assert.True(reply.TrailersOnly);
        Assert.Equal(0, Ingest.RequestCount);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2011);
    }

    [Fact]
    public async Task A_message_shorter_than_its_prefix_says_is_INTERNAL()
    {
        var message = OtlpRequests.Traces("a").ToByteArray();
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(message, declaredLength: (uint)message.Length + 10));

        Assert.Equal(13, reply.Status);
        Assert.Contains("ends after", reply.Message);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0 })]
    public async Task A_body_without_a_whole_prefix_is_INTERNAL(byte[] body)
    {
        var reply = await SendAsync(GrpcCall.TracePath, body);

        Assert.Equal(13, reply.Status);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task A_compressed_flag_other_than_0_or_1_is_INTERNAL()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a").ToByteArray(), flag: 2));

        Assert.Equal(13, reply.Status);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task Two_messages_in_a_unary_call_are_INTERNAL()
    {
        var frame = GrpcCall.Frame(OtlpRequests.Traces("a"));
        var reply = await SendAsync(GrpcCall.TracePath, [.. frame, .. frame]);

        Assert.Equal(13, reply.Status);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_RESOURCE_EXHAUSTED_from_its_prefix()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(new byte[Limit + 1]));

        Assert.Equal(8, reply.Status);
        Assert.Contains($"{Limit + 1} bytes", reply.Message, StringComparison.Ordinal);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task A_message_at_the_limit_is_accepted()
    {
        var request = OtlpRequests.Traces("");
        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[0];
        span.Name = new string('a', Limit - request.CalculateSize());
        while (request.CalculateSize() > Limit)
        {
            span.Name = span.Name[1..]; // the length prefixes grew with the name
        }

        Assert.Equal(Limit, request.CalculateSize());

        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(request));

        Assert.Equal(0, reply.Status);
        Assert.Single(Ingest.Spans);
    }

    [Fact]
    public async Task A_gzip_compressed_message_is_inflated_and_gzip_is_advertised()
    {
        var compressed = OtlpRequests.Gzip(OtlpRequests.Traces("compressed span").ToByteArray());
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(compressed, flag: 1), grpcEncoding: "gzip");

        Assert.Equal(0, reply.Status);
        Assert.Equal("compressed span", Ingest.Spans.Single().Name);
        Assert.Contains("gzip", reply.Headers.GetValues("grpc-accept-encoding").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_inflates_past_the_limit_is_RESOURCE_EXHAUSTED()
    {
        var bomb = OtlpRequests.Gzip(new byte[1024 * 1024]);
        Assert.True(bomb.Length < Limit);

        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(bomb, flag: 1), grpcEncoding: "gzip");

        Assert.Equal(8, reply.Status);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task Corrupt_gzip_is_INTERNAL()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame([1, 2, 3, 4, 5, 6, 7, 8], flag: 1), grpcEncoding: "gzip");

        Assert.Equal(13, reply.Status);
    }

    [Fact]
    public async Task A_compressed_message_without_grpc_encoding_is_INTERNAL()
    {
        var compressed = OtlpRequests.Gzip(OtlpRequests.Traces("a").ToByteArray());
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(compressed, flag: 1));

        Assert.Equal(13, reply.Status);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task An_unknown_grpc_encoding_is_UNIMPLEMENTED_and_names_the_ones_accepted()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), grpcEncoding: "snappy");

        Assert.Equal(12, reply.Status);
        Assert.Equal("identity,gzip", reply.Headers.GetValues("grpc-accept-encoding").Single());
        Assert.Equal(0, Ingest.RequestCount);
    }
}
