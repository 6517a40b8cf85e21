using Microsoft.Extensions.Options;

namespace Dashboard.Resources;

/// <summary>Aspire's <c>DOTNET_RESOURCE_SERVICE_ENDPOINT_URL</c>, when <c>Dashboard:ResourceServiceClient:Url</c> itself is absent (an explicit key wins).</summary>
internal sealed class ResourceServiceClientOptionsAliases(IConfiguration configuration) : IPostConfigureOptions<ResourceServiceClientOptions>
{
    public void PostConfigure(string? name, ResourceServiceClientOptions options)
    {
        if (configuration.GetSection(ResourceServiceClientOptions.SectionName)[nameof(ResourceServiceClientOptions.Url)] is null
            && configuration[ResourceServiceClientOptions.UrlEnvironmentVariable] is { Length: > 0 } url)
        {
            options.Url = url;
        }
    }
}
