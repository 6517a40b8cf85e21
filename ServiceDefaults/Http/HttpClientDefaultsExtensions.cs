using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Http;

internal static class HttpClientDefaultsExtensions
{
    public static IServiceCollection AddDefaultHttpClients(this IServiceCollection services)
    {
        services.AddOptions<HttpClientDefaults>()
            .BindConfiguration(HttpClientDefaults.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpClientDefaults>, HttpClientDefaultsValidator>());
        services.TryAddSingleton<HttpResiliencePipeline>();
        services.TryAddTransient<ResilienceHandler>();
        services.TryAddTransient<ServiceDiscoveryHandler>();

        // Resilience outside discovery, as in Aspire: each attempt resolves the name again, so a
        // retry follows an endpoint that moved.
        services.ConfigureHttpClientDefaults(http => http
            .AddHttpMessageHandler<ResilienceHandler>()
            .AddHttpMessageHandler<ServiceDiscoveryHandler>());
        return services;
    }
}
