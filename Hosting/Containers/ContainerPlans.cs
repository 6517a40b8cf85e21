using Hosting.Postgres;
using Hosting.Processes;
using Hosting.Redis;
using Hosting.Runtime;

namespace Hosting.Containers;

/// <summary>What the container plans share: an attached <c>run</c>, and a <c>stop</c> that lets the server shut down cleanly.</summary>
internal abstract class ContainerPlan(string runtime, string appHostId, Resource resource, ResourceLog log) : ResourcePlan
{
    protected string ContainerName => ContainerCommands.ContainerName(appHostId, resource.Name);

    protected string AppHostId => appHostId;

    private static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The image, pulled before the first start so a slow download does not count against the startup timeout.</summary>
    protected abstract string Image { get; }

    protected ResourceLog Log { get; } = log;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Log.Write($"Pulling {Image} with {runtime}...");
        var (exitCode, _) = await ContainerCli.RunAsync(runtime, ContainerCommands.Pull(Image), PullTimeout, cancellationToken);
        if (exitCode != 0)
        {
            Log.Write($"{runtime} pull {Image} failed with exit code {exitCode}; trying the local image", isError: true);
        }
    }

    /// <summary>A container of an earlier start (its client killed, or a crashed AppHost) would hold the name.</summary>
    public override async Task BeforeStartAsync(CancellationToken cancellationToken) =>
        await ContainerCli.RemoveIfPresentAsync(runtime, ContainerName, cancellationToken);

    public override async Task KillAsync(ManagedProcess process)
    {
        // Killing the client alone would leave the container running.
        await ContainerCli.RemoveIfPresentAsync(runtime, ContainerName, CancellationToken.None);
        process.Kill();
    }

    protected ProcessSpec Spec(IReadOnlyList<string> arguments, string workingDirectory) =>
        new(runtime, arguments, workingDirectory)
        {
            Environment = RunContext.InheritedEnvironment(),
            ContainerName = ContainerName,
            ContainerRuntime = runtime,
        };

    public override async Task StopAsync(ManagedProcess process, TimeSpan timeout)
    {
        await ContainerCli.RunAsync(runtime, ContainerCommands.Stop(ContainerName, timeout), timeout + TimeSpan.FromSeconds(5), CancellationToken.None);
        await process.StopAsync(TimeSpan.FromSeconds(2));
    }
}

/// <summary>PostgreSQL in a container, data in a named volume when persisted.</summary>
internal sealed class PostgresContainerPlan(string runtime, string appHostId, PostgresServerResource resource, RunContext context, ResourceLog log)
    : ContainerPlan(runtime, appHostId, resource, log)
{
    protected override string Image => resource.Image;

    private string EnvFile => Path.Combine(context.State.Secrets, resource.Name + ".env");

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await base.PrepareAsync(cancellationToken);
        StateDirectory.WritePrivateFile(EnvFile, ContainerCommands.PostgresEnvFile(resource.UserName, context.PasswordOf(resource)));
    }

    public override ProcessSpec CreateSpec() =>
        Spec(ContainerCommands.RunPostgres(AppHostId, resource, context.PortOf(resource), EnvFile), context.State.Root);

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        PostgresProbe.CanQueryAsync(context.ConnectionString(resource), cancellationToken);

    public override Task OnStartedAsync(CancellationToken cancellationToken) =>
        PostgresProbe.EnsureDatabasesAsync(context.ConnectionString(resource), resource.Databases, cancellationToken);

    public override IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{context.PortOf(resource)}"];
}

/// <summary>Redis in a container, configured by a mounted redis.conf.</summary>
internal sealed class RedisContainerPlan(string runtime, string appHostId, RedisResource resource, RunContext context, ResourceLog log)
    : ContainerPlan(runtime, appHostId, resource, log)
{
    protected override string Image => resource.Image;

    private string EnvFile => Path.Combine(context.State.Secrets, resource.Name + ".env");

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await base.PrepareAsync(cancellationToken);
        StateDirectory.WritePrivateFile(EnvFile, ContainerCommands.RedisEnvFile(context.PasswordOf(resource)));
    }

    public override ProcessSpec CreateSpec() =>
        Spec(ContainerCommands.RunRedis(AppHostId, resource, context.PortOf(resource), EnvFile), context.State.Root);

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        RespProbe.PingAsync(context.PortOf(resource), context.PasswordOf(resource), cancellationToken);

    public override IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{context.PortOf(resource)}"];
}
