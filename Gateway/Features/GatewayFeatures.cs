using Gateway.Features.Caching;
using Gateway.Features.Keys;
using Gateway.Features.Models;
using Gateway.Features.RateLimiting;
using Gateway.Features.Usage;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features;

/// <summary>Registration of the features around the Messages API: keys, limits, ledger, models, cache.</summary>
internal static class GatewayFeatures
{
    public static IHostApplicationBuilder AddClientKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientKeysOptions>().BindConfiguration(ClientKeysOptions.SectionName).ValidatedOnStart<ClientKeysOptions, ClientKeysOptionsValidator>();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidatedOnStart<AdminOptions, ValidateAdminOptions>();
        builder.Services.AddSingleton<ClientCredentials>();
        builder.Services.AddSingleton<ClientKeyStore>();
        builder.Services.AddSingleton<KeyRevocations>();
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyRevocations>());
        builder.Services.AddSingleton<AdminKeyFilter>();
        return builder;
    }

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidatedOnStart<RateLimitOptions, ValidateRateLimitOptions>();
        builder.Services.AddSingleton<Admission>();
        builder.Services.AddSingleton<KeyLeases>();
        builder.Services.AddHostedService<LeaseReturns>();
        builder.Services.AddSingleton<AccessGate>();
        return builder;
    }

    public static IHostApplicationBuilder AddUsageLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UsageOptions>().BindConfiguration(UsageOptions.SectionName).ValidatedOnStart<UsageOptions, ValidateUsageOptions>();
        builder.Services.AddSingleton<UsageRecorder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<UsageRecorder>());
        builder.Services.AddSingleton<UsageLedger>();
        return builder;
    }

    public static IHostApplicationBuilder AddModelCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.SectionName).ValidatedOnStart<ModelsOptions, ValidateModelsOptions>();
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        builder.Services.AddSingleton<ModelCatalog>();
        return builder;
    }

    public static IHostApplicationBuilder AddResponseCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.SectionName).ValidatedOnStart<ResponseCacheOptions, ValidateResponseCacheOptions>();
        builder.Services.AddSingleton<ResponseCache>();
        return builder;
    }

    /// <summary><c>/admin</c>: client keys and the ledger, behind the admin key.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        // The filter instance, not AddEndpointFilter<T>: that builds its factory from expression trees, which costs
        // the Gateway System.Linq.Expressions and its compiled code in memory for one filter (bench/README.md).
        app.MapGroup("/admin")
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<AdminKeyFilter>())
            .MapAdminKeysEndpoints()
            .MapUsageEndpoints();
        return app;
    }
}
