using System.Globalization;
using Hosting.Processes;
using Hosting.Runtime;

namespace Hosting.Postgres;

/// <summary>
/// PostgreSQL from the machine's own binaries: one cluster per resource in the state directory, initialised once
/// with a generated password, listening on 127.0.0.1 only, run as the <c>postgres</c> user when the AppHost is root.
/// </summary>
internal sealed class PostgresLocalPlan(PostgresServerResource resource, RunContext context, PostgresBinaries binaries, ResourceLog log)
    : ResourcePlan
{
    private string DataDirectory => context.State.Data(resource.Name);

    private UnixUser? RunAs { get; } = Native.IsRoot
        ? UnixUser.Find("postgres") ?? throw new DistributedApplicationException(
            "PostgreSQL refuses to run as root and there is no 'postgres' user. Create one (apt-get install postgresql does) or run the AppHost as a normal user.")
        : null;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!resource.PersistData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            CheckVersion();
            return;
        }

        await InitializeClusterAsync(cancellationToken);
    }

    private void CheckVersion()
    {
        var version = File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim();
        if (version != binaries.MajorVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new DistributedApplicationException(
                $"The data of '{resource.Name}' in '{DataDirectory}' was made by PostgreSQL {version}, but this machine runs {binaries.MajorVersion}. " +
                "Upgrade it with pg_upgrade, or delete that directory to start empty.");
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var passwordFile = Path.Combine(context.State.DataRoot, $".{resource.Name}.initdb-password");
        StateDirectory.WritePrivateFile(passwordFile, context.PasswordOf(resource));
        try
        {
            if (RunAs is { } user)
            {
                Native.ChangeOwner(DataDirectory, user.Uid, user.Gid);
                Native.ChangeOwner(passwordFile, user.Uid, user.Gid);
            }

            log.Write($"Initialising a PostgreSQL {binaries.MajorVersion} cluster in {DataDirectory}");
            string[] arguments =
            [
                "-D", DataDirectory, "-U", resource.UserName, "--pwfile", passwordFile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-instructions",
            ];
            using var initdb = ManagedProcess.Start(
                new ProcessSpec(binaries.InitDb, arguments, context.State.DataRoot) { Environment = RunContext.InheritedEnvironment(), RunAs = RunAs },
                log);
            int exitCode;
            try
            {
                exitCode = await initdb.Exited.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM lets initdb remove the half-made cluster; a later run would take it for a real one.
                await initdb.StopAsync(TimeSpan.FromSeconds(10));
                throw;
            }

            await initdb.DrainOutputAsync();
            if (exitCode != 0)
            {
                var lastLines = string.Join('\n', log.Snapshot().TakeLast(10).Select(l => l.Text));
                throw new DistributedApplicationException($"initdb for '{resource.Name}' failed with exit code {exitCode}:\n{lastLines}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public override ProcessSpec CreateSpec()
    {
        string[] arguments =
        [
            "-D", DataDirectory,
            "-p", context.PortOf(resource).ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: no socket file to own, no path-length limit, one way in, with the password.
            "-c", "unix_socket_directories=",
            "-c", "logging_collector=off",
        ];
        return new ProcessSpec(binaries.Postgres, arguments, DataDirectory)
        {
            Environment = RunContext.InheritedEnvironment(),
            RunAs = RunAs,
            StopSignal = Native.SigInt,
        };
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        PostgresProbe.CanQueryAsync(context.ConnectionString(resource), cancellationToken);

    public override Task OnStartedAsync(CancellationToken cancellationToken) =>
        PostgresProbe.EnsureDatabasesAsync(context.ConnectionString(resource), resource.Databases, cancellationToken);

    public override IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{context.PortOf(resource)}"];
}
