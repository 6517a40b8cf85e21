using OpenTelemetry.Exporter;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Sets the exporter options explicitly from configuration rather than letting the exporter read
/// process environment variables, so in-memory configuration (tests, user secrets) is honoured too.
/// </summary>
internal static class OtlpExporterConfigurator
{
    public static void Apply(OtlpExporterOptions exporter, OtlpExporterSettings settings, OtlpSignal signal)
    {
        // Invalid settings are reported by the validator when the host starts, but the logger
        // provider is built before that: it must not throw first with a less helpful message. The
        // exporter has read the same keys itself, hence the malformed headers are cleared here.
        if (!settings.TryGetEndpoint(out var endpoint)
            || !settings.TryGetProtocol(out var protocol)
            || !KeyValueList.TryParse(settings.Headers, out _))
        {
            exporter.Headers = null;
            return;
        }

        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? WithSignalPath(endpoint, signal) : endpoint;
        exporter.Headers = settings.Headers;

        // Without this the exporter would take its HttpClient from IHttpClientFactory when one is
        // registered, and so inherit our retries and service discovery meant for service-to-service calls.
        var timeout = TimeSpan.FromMilliseconds(exporter.TimeoutMilliseconds);
        exporter.HttpClientFactory = () => new HttpClient { Timeout = timeout };
    }

    /// <summary>
    /// OTEL_EXPORTER_OTLP_ENDPOINT is a base URI for http/protobuf, but an endpoint set in code is
    /// used verbatim by the exporter, so the signal path has to be appended here.
    /// </summary>
    public static Uri WithSignalPath(Uri endpoint, OtlpSignal signal)
    {
        var path = signal switch
        {
            OtlpSignal.Traces => "v1/traces",
            OtlpSignal.Metrics => "v1/metrics",
            _ => "v1/logs",
        };
        var builder = new UriBuilder(endpoint);
        builder.Path = builder.Path.TrimEnd('/') + "/" + path;
        return builder.Uri;
    }
}
