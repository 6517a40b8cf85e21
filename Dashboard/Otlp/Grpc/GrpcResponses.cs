using System.Buffers.Binary;
using Google.Protobuf;

namespace Dashboard.Otlp.Grpc;

internal static class GrpcResponses
{
    /// <summary>Success: headers, one length-prefixed (uncompressed) message, then <c>grpc-status: 0</c> as a trailer.</summary>
    public static Task WriteMessageAsync(HttpResponse response, IMessage message)
    {
        SetHeaders(response);
        var size = message.CalculateSize();
        var span = response.BodyWriter.GetSpan(GrpcMessageReader.HeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(GrpcMessageReader.HeaderSize, size));
        response.BodyWriter.Advance(GrpcMessageReader.HeaderSize + size);
        response.AppendTrailer(GrpcProtocol.StatusHeader, GrpcProtocol.StatusText(GrpcStatusCode.Ok));
        return response.BodyWriter.FlushAsync().AsTask();
    }

    /// <summary>
    /// Failure, "trailers-only": the status travels in the one HEADERS frame, which ends the stream as no body follows.
    /// </summary>
    public static void WriteStatus(HttpResponse response, GrpcStatusCode code, string message)
    {
        SetHeaders(response);
        response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.StatusText(code);
        response.Headers[GrpcProtocol.MessageHeader] = GrpcProtocol.PercentEncode(message);
    }

    private static void SetHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.AcceptedEncodings;
    }
}
