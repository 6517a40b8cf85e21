using OpenTelemetry.Resources;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Builds the resource from configuration (the SDK's own detector only sees process environment
/// variables) and gives the three providers one service instance id, so a backend such as the
/// Aspire dashboard sees one instance rather than three.
/// </summary>
internal static class OtlpResource
{
    private const string ServiceNameAttribute = "service.name";
    private static readonly string InstanceId = Guid.NewGuid().ToString();

    public static void Configure(ResourceBuilder resource, OtlpExporterSettings settings, string applicationName)
    {
        KeyValueList.TryParse(settings.ResourceAttributes, out var attributes);

        // OTEL_SERVICE_NAME wins over service.name in OTEL_RESOURCE_ATTRIBUTES, per the specification.
        var serviceName = settings.ServiceName
            ?? attributes.Where(a => a.Key == ServiceNameAttribute).Select(a => a.Value).LastOrDefault()
            ?? applicationName;

        resource.Clear()
            .AddService(serviceName, serviceInstanceId: InstanceId)
            .AddTelemetrySdk()
            .AddAttributes(attributes
                .Where(a => a.Key != ServiceNameAttribute)
                .Select(a => new KeyValuePair<string, object>(a.Key, a.Value)));
    }
}
