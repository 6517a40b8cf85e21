namespace Hosting.Dashboard;

/// <summary>How the resource service listens and streams; tests shorten the keep-alive or pin the port to restart on it.</summary>
internal sealed record ResourceServiceSettings(TimeSpan KeepAliveInterval, int Port = 0)
{
    public static ResourceServiceSettings Default { get; } = new(TimeSpan.FromSeconds(15));
}
