using System.Buffers;
using System.IO.Compression;

namespace Dashboard.Otlp;

/// <summary>Inflates a gzip payload into a pooled buffer, stopping as soon as it passes the size limit (a gzip bomb costs at most the limit).</summary>
internal static class Gzip
{
    public static PooledBytes Decompress(ReadOnlySequence<byte> compressed, int limit)
    {
        var capacity = (int)Math.Min(Math.Max(compressed.Length * 4, 4096), limit + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            using var gzip = new GZipStream(new ReadOnlySequenceStream(compressed), CompressionMode.Decompress);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
                }

                // Never ask for more than one byte past the limit: that byte is enough to know the payload is too large.
                var read = gzip.Read(buffer, length, Math.Min(buffer.Length, limit + 1) - length);
                if (read == 0)
                {
                    return new PooledBytes(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw new OtlpPayloadException(OtlpPayloadError.TooLarge, $"The decompressed message is larger than {limit} bytes.");
                }
            }
        }
        catch (InvalidDataException e)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new OtlpPayloadException(OtlpPayloadError.Malformed, "The gzip data is corrupt.", e);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

/// <summary>Bytes rented from <see cref="ArrayPool{T}.Shared"/>, given back on dispose.</summary>
internal readonly struct PooledBytes(byte[] array, int length) : IDisposable
{
    public ReadOnlySequence<byte> Sequence => new(array, 0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(array);
}
