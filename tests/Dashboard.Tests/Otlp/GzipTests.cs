using System.Buffers;
using Dashboard.Otlp;

namespace Dashboard.Tests.Otlp;

public sealed class GzipTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(1024)]
    [InlineData(300_000)]
    public void Payloads_up_to_the_limit_inflate_to_their_original_bytes(int size)
    {
        var original = Enumerable.Range(0, size).Select(i => (byte)(i * 7 % 251)).ToArray();

        using var inflated = Gzip.Decompress(new ReadOnlySequence<byte>(OtlpRequests.Gzip(original)), limit: Math.Max(size, 1024));

        Assert.Equal(original, inflated.Sequence.ToArray());
    }

    [Fact]
    public void One_byte_over_the_limit_is_too_large()
    {
        var error = Assert.Throws<OtlpPayloadException>(() => Gzip.Decompress(new ReadOnlySequence<byte>(OtlpRequests.Gzip(new byte[1025])), limit: 1024));

        Assert.Equal(OtlpPayloadError.TooLarge, error.Error);
    }

    [Fact]
    public void Bytes_that_are_not_gzip_are_malformed()
    {
        var error = Assert.Throws<OtlpPayloadException>(() => Gzip.Decompress(new ReadOnlySequence<byte>([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), limit: 1024));

        Assert.Equal(OtlpPayloadError.Malformed, error.Error);
    }
}
