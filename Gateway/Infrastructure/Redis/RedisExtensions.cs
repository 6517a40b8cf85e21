using Microsoft.Extensions.Options;

namespace Gateway.Infrastructure.Redis;

internal static class RedisExtensions
{
    /// <summary>The Redis connection (<c>ConnectionStrings:cache</c>, required) and its health check.</summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisConnectionOptions>()
            .BindConfiguration(RedisConnectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RedisConnectionOptions>, RedisConnectionOptionsValidator>();
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
