using Dashboard.Otlp.Grpc;

namespace Dashboard.Tests.Otlp;

public sealed class GrpcProtocolTests
{
    [Theory]
    [InlineData("Missing key.", "Missing key.")]
    [InlineData("100% sure", "100%25 sure")]
    [InlineData("café\n", "caf%C3%A9%0A")]
    public void grpc_message_is_percent_encoded_UTF8(string message, string encoded) =>
        Assert.Equal(encoded, GrpcProtocol.PercentEncode(message));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Only_gRPC_with_protobuf_is_spoken(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));
}
