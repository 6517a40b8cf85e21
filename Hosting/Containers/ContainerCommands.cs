using System.Globalization;

namespace Hosting.Containers;

/// <summary>
/// The arguments the AppHost gives docker or podman. Containers are named after the AppHost and resource so that
/// a later run finds what an earlier one left behind; secrets travel in 0600 files, never on the command line.
/// </summary>
internal static class ContainerCommands
{
    public const string Label = "aspire-stack.apphost";

    public static string ContainerName(string appHostId, string resourceName) => $"{appHostId}-{resourceName}".ToLowerInvariant();

    public static string VolumeName(string appHostId, string resourceName) => $"{appHostId}-{resourceName}-data".ToLowerInvariant();

    public static IReadOnlyList<string> RunPostgres(string appHostId, PostgresServerResource resource, int port, string envFile)
    {
        var arguments = RunPrefix(appHostId, resource.Name, port, 5432);
        arguments.AddRange(["--env-file", envFile]);
        if (resource.PersistData)
        {
            arguments.AddRange(["--volume", $"{VolumeName(appHostId, resource.Name)}:/var/lib/postgresql/data"]);
        }

        arguments.Add(resource.Image);
        return arguments;
    }

    public static IReadOnlyList<string> RunRedis(string appHostId, RedisResource resource, int port, string envFile)
    {
        var arguments = RunPrefix(appHostId, resource.Name, port, 6379);
        arguments.AddRange(["--env-file", envFile]);
        if (resource.PersistData)
        {
            arguments.AddRange(["--volume", $"{VolumeName(appHostId, resource.Name)}:/data"]);
        }

        // The image runs Redis as its own user, which could not read a 0600 redis.conf of ours: the password
        // comes from the env file and is expanded inside the container.
        var appendOnly = resource.PersistData ? "yes" : "no";
        arguments.AddRange([resource.Image, "sh", "-c", $"exec redis-server --requirepass \"$REDIS_PASSWORD\" --appendonly {appendOnly} --save ''"]);
        return arguments;
    }

    /// <summary>The Redis container's settings.</summary>
    public static string RedisEnvFile(string password) => $"REDIS_PASSWORD={password}\n";

    public static IReadOnlyList<string> Stop(string containerName, TimeSpan timeout) =>
        ["stop", "--time", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture), containerName];

    public static IReadOnlyList<string> Remove(string containerName) => ["rm", "--force", containerName];

    public static IReadOnlyList<string> Pull(string image) => ["pull", image];

    /// <summary>The PostgreSQL image's settings: the password in an env file only the AppHost's user can read.</summary>
    public static string PostgresEnvFile(string userName, string password) =>
        $"POSTGRES_USER={userName}\nPOSTGRES_PASSWORD={password}\n";

    private static List<string> RunPrefix(string appHostId, string resourceName, int hostPort, int containerPort) =>
    [
        // Attached (no --detach): the client's output is the container's log, and its exit is the container's.
        "run", "--rm",
        "--name", ContainerName(appHostId, resourceName),
        "--label", $"{Label}={appHostId}",
        "--publish", $"127.0.0.1:{hostPort.ToString(CultureInfo.InvariantCulture)}:{containerPort.ToString(CultureInfo.InvariantCulture)}",
    ];
}
