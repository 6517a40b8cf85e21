using System.ComponentModel.DataAnnotations;

namespace Dashboard.Otlp;

public enum OtlpAuthMode
{
    /// <summary>Every export must carry <c>x-otlp-api-key</c> with the primary or the secondary key.</summary>
    ApiKey,

    /// <summary>Anyone who can reach the receivers may send telemetry.</summary>
    Unsecured,
}

/// <summary>The OTLP receivers, from <c>Dashboard:Otlp</c> (the keys Aspire's dashboard uses).</summary>
public sealed class OtlpOptions
{
    public const string SectionName = "Dashboard:Otlp";

    /// <summary>OTLP's recommended request limit (20 MiB), applied after decompression too.</summary>
    public const int DefaultMaxRequestBodyBytes = 20 * 1024 * 1024;

    public OtlpAuthMode AuthMode { get; set; } = OtlpAuthMode.ApiKey;

    public string? PrimaryApiKey { get; set; }

    /// <summary>Accepted as well as the primary key, so a key can be rotated without a gap.</summary>
    public string? SecondaryApiKey { get; set; }

    /// <summary>OTLP/gRPC (HTTP/2 without TLS). Empty turns the gRPC receiver off.</summary>
    public string? GrpcEndpointUrl { get; set; } = "http://localhost:4317";

    /// <summary>OTLP/HTTP (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>). Empty turns the HTTP receiver off.</summary>
    public string? HttpEndpointUrl { get; set; } = "http://localhost:4318";

    [Range(1024, int.MaxValue - 5, ErrorMessage = "Dashboard:Otlp:MaxRequestBodyBytes must be between {1} and {2}.")]
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The gRPC receiver's URL, or null when it is turned off (only valid once the options are validated).</summary>
    internal Uri? GrpcUrl => TryParseUrl(GrpcEndpointUrl, out var url) ? url : null;

    internal Uri? HttpUrl => TryParseUrl(HttpEndpointUrl, out var url) ? url : null;

    /// <summary>An http:// URL with no path; <c>*</c> and <c>+</c> mean every interface, as in ASPNETCORE_URLS.</summary>
    internal static bool TryParseUrl(string? value, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var normalized = value.Trim()
            .Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out url)
            && url.Scheme == Uri.UriSchemeHttp && url.AbsolutePath == "/" && url.Query.Length == 0;
    }
}
