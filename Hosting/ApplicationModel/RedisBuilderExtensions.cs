namespace Hosting;

/// <summary>Adds Redis servers.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>Adds a password-protected Redis server on 127.0.0.1.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name, int? port = null)
        => builder.AddResource(new RedisResource(name) { Port = port ?? 0 });

    /// <summary>Keeps the data between runs (append-only file).</summary>
    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder)
    {
        builder.Resource.PersistData = true;
        return builder;
    }
}
