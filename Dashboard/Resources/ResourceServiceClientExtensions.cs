using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Resources;

/// <summary>The client of the AppHost's resource service (<c>Dashboard:ResourceServiceClient</c>) and the shared <see cref="ResourceCatalog"/>.</summary>
public static class ResourceServiceClientExtensions
{
    public static WebApplicationBuilder AddResourceServiceClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResourceServiceClientOptions>()
            .BindConfiguration(ResourceServiceClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<ResourceServiceClientOptions>, ResourceServiceClientOptionsAliases>();
        builder.Services.AddSingleton<IValidateOptions<ResourceServiceClientOptions>, ResourceServiceClientOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // No per-request log lines: the watch and the log streams are long-lived, and the console is for the user.
        builder.Services.AddHttpClient<ResourceServiceClient>(ConfigureHttpClient).RemoveAllLoggers();
        builder.Services.AddSingleton<ResourceCatalog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ResourceCatalog>());
        return builder;
    }

    private static void ConfigureHttpClient(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<ResourceServiceClientOptions>>().Value;
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.BaseAddress = options.ServiceUrl;
        if (options.AuthMode == ResourceServiceAuthMode.ApiKey && !string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.Add(ResourceServiceClient.ApiKeyHeader, options.ApiKey);
        }
    }
}
