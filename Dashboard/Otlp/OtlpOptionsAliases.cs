using Microsoft.Extensions.Options;

namespace Dashboard.Otlp;

/// <summary>
/// Aspire's dashboard is also told where to listen through environment variables
/// (<c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c>, and the older <c>DOTNET_</c> names); they apply only when the
/// <c>Dashboard:Otlp</c> key itself is absent, so an explicit key always wins.
/// </summary>
internal sealed class OtlpOptionsAliases(IConfiguration configuration) : IPostConfigureOptions<OtlpOptions>
{
    public void PostConfigure(string? name, OtlpOptions options)
    {
        var section = configuration.GetSection(OtlpOptions.SectionName);
        if (section[nameof(OtlpOptions.GrpcEndpointUrl)] is null
            && Alias("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL") is { } grpc)
        {
            options.GrpcEndpointUrl = grpc;
        }

        if (section[nameof(OtlpOptions.HttpEndpointUrl)] is null
            && Alias("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL") is { } http)
        {
            options.HttpEndpointUrl = http;
        }
    }

    private string? Alias(string current, string legacy) => configuration[current] ?? configuration[legacy];
}
