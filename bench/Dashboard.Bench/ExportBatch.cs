using System.Buffers.Binary;
using Google.Protobuf;

namespace Dashboard.Bench;

/// <summary>
/// One serialized <c>ExportTraceServiceRequest</c>, held as a gRPC frame (5-byte prefix + protobuf) so gRPC sends
/// all of it and OTLP/HTTP the protobuf after the prefix: the same bytes, serialized once, before any timing.
/// </summary>
internal sealed class ExportBatch(byte[] frame, int spanCount)
{
    public const int GrpcPrefixSize = 5;

    public byte[] Frame { get; } = frame;

    public int SpanCount { get; } = spanCount;

    public int ProtobufLength => Frame.Length - GrpcPrefixSize;

    public static ExportBatch Serialize(IMessage request, int spanCount)
    {
        var size = request.CalculateSize();
        var frame = new byte[GrpcPrefixSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size); // frame[0] = 0: not compressed
        request.WriteTo(frame.AsSpan(GrpcPrefixSize));
        return new ExportBatch(frame, spanCount);
    }
}
