using Hosting.Processes;
using Hosting.Runtime;

namespace Hosting.Redis;

/// <summary>A local <c>redis-server</c> with a generated password, its append-only file in the state directory.</summary>
internal sealed class RedisLocalPlan(RedisResource resource, RunContext context, string redisServer) : ResourcePlan
{
    private string DataDirectory => context.State.Data(resource.Name);

    private string ConfigurationFile => Path.Combine(DataDirectory, "redis.conf");

    public override Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!resource.PersistData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var conf = RedisConfiguration.Render(context.PortOf(resource), context.PasswordOf(resource), DataDirectory, resource.PersistData);
        StateDirectory.WritePrivateFile(ConfigurationFile, conf);
        return Task.CompletedTask;
    }

    public override ProcessSpec CreateSpec() =>
        new(redisServer, [ConfigurationFile], DataDirectory) { Environment = RunContext.InheritedEnvironment() };

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        RespProbe.PingAsync(context.PortOf(resource), context.PasswordOf(resource), cancellationToken);

    public override IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{context.PortOf(resource)}"];
}
