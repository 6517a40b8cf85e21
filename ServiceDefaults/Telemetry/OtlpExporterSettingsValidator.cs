using Microsoft.Extensions.Options;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Refuses to start a service whose OTLP settings the exporter would reject later, far from the
/// cause, or silently ignore. Every message names the configuration key; header values never appear.
/// </summary>
internal sealed class OtlpExporterSettingsValidator : IValidateOptions<OtlpExporterSettings>
{
    public ValidateOptionsResult Validate(string? name, OtlpExporterSettings options)
    {
        var failures = new List<string>();
        if (options.IsEnabled && !options.TryGetEndpoint(out _))
        {
            failures.Add($"{OtlpExporterSettings.EndpointKey} must be an absolute http:// or https:// URI, got '{options.Endpoint}'.");
        }

        if (!options.HasKnownProtocol)
        {
            failures.Add($"{OtlpExporterSettings.ProtocolKey} must be '{OtlpExporterSettings.GrpcProtocol}' or '{OtlpExporterSettings.HttpProtobufProtocol}', got '{options.Protocol}'.");
        }

        if (!KeyValueList.TryParse(options.Headers, out _))
        {
            failures.Add($"{OtlpExporterSettings.HeadersKey} must be a comma-separated list of key=value pairs.");
        }

        if (!KeyValueList.TryParse(options.ResourceAttributes, out _))
        {
            failures.Add($"{OtlpExporterSettings.ResourceAttributesKey} must be a comma-separated list of key=value pairs.");
        }

        if (options.MetricExportInterval is not null && !options.TryGetMetricExportInterval(out _))
        {
            failures.Add($"{OtlpExporterSettings.MetricExportIntervalKey} must be a positive number of milliseconds, got '{options.MetricExportInterval}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
