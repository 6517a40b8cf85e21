using System.Globalization;
using System.Text;

namespace Dashboard.Otlp.Grpc;

/// <summary>The status codes this server answers with (gRPC's numbering).</summary>
internal enum GrpcStatusCode
{
    Ok = 0,
    InvalidArgument = 3,
    ResourceExhausted = 8,
    Unimplemented = 12,
    Internal = 13,
    Unauthenticated = 16,
}

/// <summary>The pieces of gRPC over HTTP/2 (PROTOCOL-HTTP2.md) a unary server needs.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string AcceptedEncodings = "identity,gzip";

    /// <summary><c>application/grpc</c>, optionally <c>+proto</c> and parameters; <c>+json</c> and the rest are not spoken here.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        if (rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["+proto".Length..];
        }

        return rest.IsEmpty || rest[0] == ';';
    }

    /// <summary>False for a <c>grpc-encoding</c> this server cannot inflate.</summary>
    public static bool TryGetEncoding(HttpRequest request, out bool gzip)
    {
        var encoding = request.Headers[EncodingHeader];
        gzip = encoding.Count == 1 && string.Equals(encoding[0], "gzip", StringComparison.OrdinalIgnoreCase);
        return gzip || encoding.Count == 0 || (encoding.Count == 1 && string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase));
    }

    public static string StatusText(GrpcStatusCode code) => ((int)code).ToString(CultureInfo.InvariantCulture);

    /// <summary>grpc-message is UTF-8, percent-encoded outside printable ASCII, and '%' itself.</summary>
    public static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
