using Google.Protobuf;
using Google.Rpc;

namespace Dashboard.Otlp.Http;

/// <summary>OTLP/HTTP answers: the export response on success, a <c>google.rpc.Status</c> on failure, in the request's encoding.</summary>
internal static class OtlpHttpResponses
{
    public static Task WriteAsync(HttpResponse response, IMessage message, OtlpHttpEncoding encoding, int statusCode = StatusCodes.Status200OK)
    {
        response.StatusCode = statusCode;
        response.ContentType = OtlpHttpContent.MediaTypeOf(encoding);
        if (encoding == OtlpHttpEncoding.Json)
        {
            return response.WriteAsync(JsonFormatter.Default.Format(message));
        }

        var size = message.CalculateSize();
        response.ContentLength = size;
        if (size == 0)
        {
            return Task.CompletedTask;
        }

        message.WriteTo(response.BodyWriter.GetSpan(size)[..size]);
        response.BodyWriter.Advance(size);
        return response.BodyWriter.FlushAsync().AsTask();
    }

    /// <summary>
    /// OTLP says clients do not act on <c>Status.code</c>; it carries the matching gRPC code for whoever reads it.
    /// </summary>
    public static Task WriteErrorAsync(HttpResponse response, int statusCode, int grpcCode, string message, OtlpHttpEncoding encoding) =>
        WriteAsync(response, new Status { Code = grpcCode, Message = message }, encoding, statusCode);
}
