using Hosting.Containers;
using Hosting.Postgres;
using Hosting.Projects;
using Hosting.Redis;

namespace Hosting.Runtime;

/// <summary>Decides once per run how servers run (containers when an engine answers, else local processes) and makes each resource's plan.</summary>
internal sealed class PlanFactory
{
    private readonly RunContext _context;
    private readonly string _appHostId;
    private readonly string? _containerRuntime;
    private readonly PostgresBinaries? _postgres;
    private readonly string? _redis;

    private PlanFactory(RunContext context, string appHostId, string? containerRuntime, PostgresBinaries? postgres, string? redis)
    {
        _context = context;
        _appHostId = appHostId;
        _containerRuntime = containerRuntime;
        _postgres = postgres;
        _redis = redis;
    }

    public static async Task<PlanFactory> CreateAsync(
        IReadOnlyList<Resource> resources, RunContext context, string appHostId, ResourceLog appHostLog, CancellationToken cancellationToken)
    {
        var needPostgres = resources.OfType<PostgresServerResource>().Any();
        var needRedis = resources.OfType<RedisResource>().Any();
        if (!needPostgres && !needRedis)
        {
            return new PlanFactory(context, appHostId, null, null, null);
        }

        var runtime = await SelectContainerRuntimeAsync(context.Options.ContainerRuntime, cancellationToken);
        if (runtime is not null)
        {
            appHostLog.Write($"Container engine: {runtime}. PostgreSQL and Redis run as containers.");
            return new PlanFactory(context, appHostId, runtime, null, null);
        }

        appHostLog.Write("No container engine answers: PostgreSQL and Redis run as local processes.");
        var (postgres, redis) = await LocalServers.ResolveAsync(context.Options, needPostgres, needRedis, appHostLog, cancellationToken);
        return new PlanFactory(context, appHostId, null, postgres, redis);
    }

    private static async Task<string?> SelectContainerRuntimeAsync(string setting, CancellationToken cancellationToken)
    {
        var probeTimeout = TimeSpan.FromSeconds(3);
        if (setting == "none")
        {
            return null;
        }

        if (setting is "docker" or "podman" || setting.Contains('/', StringComparison.Ordinal))
        {
            return await ContainerCli.EngineAnswersAsync(setting, probeTimeout, cancellationToken)
                ? setting
                : throw new DistributedApplicationException($"AppHost:ContainerRuntime is '{setting}', but its engine does not answer. Start it, or set auto or none.");
        }

        foreach (var candidate in new[] { "docker", "podman" })
        {
            if (await ContainerCli.EngineAnswersAsync(candidate, probeTimeout, cancellationToken))
            {
                return candidate;
            }
        }

        return null;
    }

    public ResourcePlan Create(ProcessResource resource, ResourceLog log) => (resource, _containerRuntime) switch
    {
        (ProjectResource project, _) => new ProjectPlan(project, _context),
        (ExecutableResource executable, _) => new ExecutablePlan(executable, _context),
        (PostgresServerResource postgres, { } runtime) => new PostgresContainerPlan(runtime, _appHostId, postgres, _context, log),
        (PostgresServerResource postgres, null) => new PostgresLocalPlan(postgres, _context, _postgres!, log),
        (RedisResource redis, { } runtime) => new RedisContainerPlan(runtime, _appHostId, redis, _context, log),
        (RedisResource redis, null) => new RedisLocalPlan(redis, _context, _redis!),
        _ => throw new NotSupportedException(resource.GetType().Name),
    };
}
