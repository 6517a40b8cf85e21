using System.Security.Cryptography;
using Api.Infrastructure.Storage;

namespace Api.Features.Attachments;

/// <summary>Thrown while reading an upload the moment it passes the size cap.</summary>
internal sealed class AttachmentTooLargeException(long maxBytes) : Exception($"The upload is larger than {maxBytes} bytes.");

/// <summary>
/// Reads an upload on its way to storage, counting and hashing it, and fails the read (and so the storage write)
/// as soon as it passes the cap: a large upload is never stored whole first.
/// </summary>
internal sealed class CappedHashingStream(Stream inner, long maxBytes) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    private int Count(ReadOnlySpan<byte> chunk)
    {
        BytesRead += chunk.Length;
        if (BytesRead > maxBytes)
        {
            throw new AttachmentTooLargeException(maxBytes);
        }

        _hash.AppendData(chunk);
        return chunk.Length;
    }

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
