namespace Dashboard.Resources;

public enum ResourceServiceAuthMode
{
    /// <summary>Every request carries <c>x-resource-service-api-key</c> with <see cref="ResourceServiceClientOptions.ApiKey"/>.</summary>
    ApiKey,

    /// <summary>No key is sent (a resource service that does not ask for one).</summary>
    Unsecured,
}

/// <summary>
/// Where the AppHost's resource service is, from <c>Dashboard:ResourceServiceClient</c> (Aspire's keys). Without a
/// <see cref="Url"/> the dashboard runs standalone: resources come from telemetry only.
/// </summary>
public sealed class ResourceServiceClientOptions
{
    public const string SectionName = "Dashboard:ResourceServiceClient";

    /// <summary>Aspire's name for the URL; used when <c>Dashboard:ResourceServiceClient:Url</c> is absent.</summary>
    public const string UrlEnvironmentVariable = "DOTNET_RESOURCE_SERVICE_ENDPOINT_URL";

    /// <summary>The resource service's base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string? Url { get; set; }

    public ResourceServiceAuthMode AuthMode { get; set; } = ResourceServiceAuthMode.ApiKey;

    public string? ApiKey { get; set; }

    /// <summary>Whether a resource service is configured (only meaningful once the options are validated).</summary>
    public bool IsConfigured => ServiceUrl is not null;

    internal Uri? ServiceUrl => TryParseUrl(Url, out var url) ? url : null;

    internal static bool TryParseUrl(string? value, out Uri? url)
    {
        url = null;
        return !string.IsNullOrWhiteSpace(value)
            && Uri.TryCreate(value.Trim().TrimEnd('/') + "/", UriKind.Absolute, out url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
    }
}
