namespace Hosting;

/// <summary>A Redis server: a container when a container engine answers, else a local <c>redis-server</c>.</summary>
public sealed class RedisResource(string name) : ProcessResource(name), IResourceWithConnectionString
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one at start.</summary>
    public int Port { get; set; }

    /// <summary>Whether data outlives the application (append-only file in the state directory, or a volume).</summary>
    public bool PersistData { get; set; }

    /// <summary>The container image used in container mode.</summary>
    public string Image { get; set; } = "docker.io/library/redis:7.4";

    Resource IResourceWithConnectionString.Server => this;

    /// <inheritdoc />
    public override string Kind => "redis";
}
