using Microsoft.Extensions.Options;

namespace Api.Infrastructure.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddPerIpRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddSingleton<SlidingWindowLimiter>();
        return builder;
    }

    /// <summary>Counts each request to these endpoints against the client IP's <paramref name="policy"/> limit.</summary>
    public static TBuilder RequirePerIpRateLimit<TBuilder>(this TBuilder endpoints, string policy, Func<RateLimitOptions, IpLimit> select)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<PerIpRateLimitFilter>(factory.ApplicationServices, policy, select);
            return context => filter.InvokeAsync(context, next);
        });
}
