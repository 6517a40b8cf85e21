using Microsoft.Net.Http.Headers;

namespace Dashboard.Otlp.Http;

internal enum OtlpHttpEncoding
{
    Protobuf,
    Json,
}

/// <summary>The request headers that say how an OTLP/HTTP body is encoded.</summary>
internal static class OtlpHttpContent
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    /// <summary>Null for anything but OTLP's two encodings.</summary>
    public static OtlpHttpEncoding? EncodingOf(string? contentType)
    {
        if (string.Equals(contentType, Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            return OtlpHttpEncoding.Protobuf; // the usual case, without parsing
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Equals(Protobuf, StringComparison.OrdinalIgnoreCase) ? OtlpHttpEncoding.Protobuf
            : media.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ? OtlpHttpEncoding.Json
            : null;
    }

    /// <summary>False for a Content-Encoding other than none, identity or gzip.</summary>
    public static bool TryGetCompression(HttpRequest request, out bool gzip)
    {
        var encoding = request.Headers.ContentEncoding;
        gzip = false;
        if (encoding.Count == 0)
        {
            return true;
        }

        if (encoding.Count > 1)
        {
            return false;
        }

        gzip = string.Equals(encoding[0], "gzip", StringComparison.OrdinalIgnoreCase);
        return gzip || string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase);
    }

    public static string MediaTypeOf(OtlpHttpEncoding encoding) => encoding == OtlpHttpEncoding.Json ? Json : Protobuf;
}
