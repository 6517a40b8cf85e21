namespace Api.Infrastructure.Redis;

public static class RedisExtensions
{
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.Cache) || RedisConfiguration.TryParse(o.Cache, out _), RedisOptions.InvalidMessage)
            .ValidateOnStart();

        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", timeout: TimeSpan.FromSeconds(5));

        return builder;
    }
}
