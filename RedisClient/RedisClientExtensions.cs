using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedisClient;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the process's Redis connection, as Aspire's <c>AddRedisClient</c> does.</summary>
public static class RedisClientExtensions
{
    /// <summary>
    /// Adds a <see cref="RedisConnection"/> for <c>ConnectionStrings:{connectionName}</c> (required, checked at start
    /// with a message naming the key) and a <c>redis</c> health check tagged <c>ready</c> that PINGs it.
    /// </summary>
    public static TBuilder AddRedisClient<TBuilder>(this TBuilder builder, string connectionName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RedisClientSettings>()
            .Configure(settings =>
            {
                settings.ConnectionName = connectionName;
                settings.ConnectionString = builder.Configuration.GetConnectionString(connectionName);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RedisClientSettings>, RedisClientSettingsValidator>();
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
