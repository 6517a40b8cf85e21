using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Redis;

public static class RedisExtensions
{
    /// <summary>The Redis connection (<c>ConnectionStrings:cache</c>) and the prefix of every key the Api writes.</summary>
    public static IHostApplicationBuilder AddApiRedis(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache");
        builder.Services.AddOptions<RedisKeyPrefix>()
            .BindConfiguration(RedisKeyPrefix.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<RedisKeyPrefix>>().Value);
        return builder;
    }
}
