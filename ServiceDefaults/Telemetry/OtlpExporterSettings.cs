using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// The standard OpenTelemetry variables this stack honours. They are root keys fixed by the
/// OpenTelemetry specification, not a section of ours, so there is no <c>SectionName</c>: they are
/// read key by key from <see cref="IConfiguration"/> (environment variables included, so tests can
/// use in-memory configuration) and checked by <see cref="OtlpExporterSettingsValidator"/>.
/// </summary>
internal sealed class OtlpExporterSettings
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string HeadersKey = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";
    public const string MetricExportIntervalKey = "OTEL_METRIC_EXPORT_INTERVAL";

    public const string GrpcProtocol = "grpc";
    public const string HttpProtobufProtocol = "http/protobuf";

    public string? Endpoint { get; set; }

    public string? Protocol { get; set; }

    /// <summary>Comma-separated <c>key=value</c> pairs; may carry an API key, so it is never logged.</summary>
    public string? Headers { get; set; }

    public string? ServiceName { get; set; }

    public string? ResourceAttributes { get; set; }

    /// <summary>Milliseconds between metric exports; the SDK default (60 s) applies when unset.</summary>
    public string? MetricExportInterval { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    public static OtlpExporterSettings Read(IConfiguration configuration)
    {
        var settings = new OtlpExporterSettings();
        settings.ReadFrom(configuration);
        return settings;
    }

    public void ReadFrom(IConfiguration configuration)
    {
        Endpoint = Trimmed(configuration[EndpointKey]);
        Protocol = Trimmed(configuration[ProtocolKey]);
        Headers = Trimmed(configuration[HeadersKey]);
        ServiceName = Trimmed(configuration[ServiceNameKey]);
        ResourceAttributes = Trimmed(configuration[ResourceAttributesKey]);
        MetricExportInterval = Trimmed(configuration[MetricExportIntervalKey]);
    }

    public bool TryGetEndpoint(out Uri endpoint) =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out endpoint!)
        && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps);

    /// <summary>False for a protocol the exporter does not know; checked without loading the exporter's assembly.</summary>
    public bool HasKnownProtocol => ProtocolName is not null;

    public bool TryGetProtocol(out OtlpExportProtocol protocol)
    {
        protocol = ProtocolName == HttpProtobufProtocol ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        return HasKnownProtocol;
    }

    // The specification defaults to http/protobuf, but the .NET exporter and Aspire default to gRPC.
    private string? ProtocolName => Protocol?.ToLowerInvariant() switch
    {
        null or GrpcProtocol => GrpcProtocol,
        HttpProtobufProtocol => HttpProtobufProtocol,
        _ => null,
    };

    public bool TryGetMetricExportInterval(out int milliseconds) =>
        int.TryParse(MetricExportInterval, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out milliseconds)
        && milliseconds > 0;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
