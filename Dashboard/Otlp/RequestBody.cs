using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Otlp;

/// <summary>Reads request bodies straight from Kestrel's pipe, without copying them into streams.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The receivers enforce <see cref="OtlpOptions.MaxRequestBodyBytes"/> themselves (with OTLP's and gRPC's own
    /// answers), so Kestrel's general limit, which would answer first and differently, is lifted for them.
    /// </summary>
    public static void LiftServerLimit(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = null;
        }
    }

    /// <summary>The whole body, at most <paramref name="limit"/> bytes; the caller advances the reader past it once done.</summary>
    public static async ValueTask<ReadOnlySequence<byte>> ReadToEndAsync(PipeReader reader, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                throw new OtlpPayloadException(OtlpPayloadError.TooLarge, $"The request body is larger than {limit} bytes.");
            }

            if (result.IsCompleted)
            {
                return buffer;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
