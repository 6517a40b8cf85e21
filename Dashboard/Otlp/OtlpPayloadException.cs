namespace Dashboard.Otlp;

/// <summary>Why an export's body was refused; each receiver maps it to its own status (gRPC code or HTTP status).</summary>
internal enum OtlpPayloadError
{
    /// <summary>Over <see cref="OtlpOptions.MaxRequestBodyBytes"/>, before or after decompression.</summary>
    TooLarge,

    /// <summary>The envelope is broken: gRPC framing, or compression that does not inflate.</summary>
    Malformed,

    /// <summary>The bytes arrived whole but are not the export request (protobuf or OTLP/JSON).</summary>
    Undecodable,
}

internal sealed class OtlpPayloadException(OtlpPayloadError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public OtlpPayloadError Error { get; } = error;
}
