using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Dashboard.Otlp.Grpc;

/// <summary>The one message of a unary call: its compressed flag, its bytes, and the pipe buffer that holds them.</summary>
internal readonly record struct GrpcMessage(bool Compressed, ReadOnlySequence<byte> Payload, ReadOnlySequence<byte> Buffer);

/// <summary>
/// Reads gRPC's length-prefixed message (1-byte compressed flag, 4-byte big-endian length) from the request pipe,
/// in place. The message is refused from its prefix alone when it is over the limit, before any of it is read.
/// </summary>
internal static class GrpcMessageReader
{
    public const int HeaderSize = 5;

    /// <summary>Waits for the end of the request stream; the caller advances the reader past <see cref="GrpcMessage.Buffer"/> once done.</summary>
    public static async ValueTask<GrpcMessage> ReadSingleAsync(PipeReader reader, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var failure = Inspect(buffer, result.IsCompleted, limit, out var message);
            if (failure is not null)
            {
                reader.AdvanceTo(buffer.End);
                throw failure;
            }

            if (message is { } complete)
            {
                return complete;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>A failure, the complete message, or neither when more bytes are needed.</summary>
    private static OtlpPayloadException? Inspect(ReadOnlySequence<byte> buffer, bool completed, int limit, out GrpcMessage? message)
    {
        message = null;
        if (buffer.Length < HeaderSize)
        {
            return !completed ? null
                : buffer.IsEmpty ? Malformed("The request has no message; a unary call carries exactly one.")
                : Malformed("The request ends inside the 5-byte message prefix.");
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            return Malformed($"The message prefix has compressed flag {header[0]}; only 0 and 1 exist.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > limit)
        {
            return new OtlpPayloadException(OtlpPayloadError.TooLarge, $"The message is {length} bytes, over the limit of {limit}.");
        }

        var end = HeaderSize + length;
        if (buffer.Length > end)
        {
            return Malformed("The request carries more than one message; a unary call carries exactly one.");
        }

        if (!completed)
        {
            return null;
        }

        if (buffer.Length < end)
        {
            return Malformed($"The request ends after {buffer.Length - HeaderSize} of the message's {length} bytes.");
        }

        message = new GrpcMessage(header[0] == 1, buffer.Slice(HeaderSize, length), buffer);
        return null;
    }

    private static OtlpPayloadException Malformed(string message) => new(OtlpPayloadError.Malformed, message);
}
