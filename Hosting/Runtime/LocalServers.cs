using System.Diagnostics;
using Hosting.Postgres;

namespace Hosting.Runtime;

/// <summary>
/// Finds the machine's PostgreSQL and Redis server programs; on Debian or Ubuntu, as root or with passwordless sudo,
/// installs the missing packages with apt-get (unless AppHost:AutoInstall is false); elsewhere says what to run.
/// </summary>
internal static class LocalServers
{
    public static async Task<(PostgresBinaries? Postgres, string? Redis)> ResolveAsync(
        AppHostOptions options, bool needPostgres, bool needRedis, ResourceLog log, CancellationToken cancellationToken)
    {
        var postgres = needPostgres ? PostgresBinaries.Find(options.PostgresBinDirectory) : null;
        var redis = needRedis ? FindRedis(options.RedisServerPath) : null;
        var missing = new List<string>();
        if (needPostgres && postgres is null)
        {
            missing.Add("postgresql");
        }

        if (needRedis && redis is null)
        {
            missing.Add("redis-server");
        }

        if (missing.Count == 0)
        {
            return (postgres, redis);
        }

        await InstallAsync(missing, options, log, cancellationToken);
        postgres = needPostgres ? PostgresBinaries.Find(options.PostgresBinDirectory) : null;
        redis = needRedis ? FindRedis(options.RedisServerPath) : null;
        if ((needPostgres && postgres is null) || (needRedis && redis is null))
        {
            throw new DistributedApplicationException($"Installed {string.Join(", ", missing)}, but the server programs are still not found.");
        }

        return (postgres, redis);
    }

    private static string? FindRedis(string? configured)
    {
        if (configured is not null)
        {
            return Processes.Executable.Exists(configured)
                ? configured
                : throw new DistributedApplicationException($"AppHost:RedisServerPath is '{configured}', which does not exist.");
        }

        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':') ?? [];
        return path.Append("/usr/bin").Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(Processes.Executable.Exists);
    }

    private static async Task InstallAsync(List<string> packages, AppHostOptions options, ResourceLog log, CancellationToken cancellationToken)
    {
        var list = string.Join(' ', packages);
        var isDebian = File.Exists("/etc/debian_version");
        var canInstall = isDebian && (Processes.Native.IsRoot || await RunAsync("sudo", ["-n", "true"], log, cancellationToken) == 0);
        if (!options.AutoInstall || !canInstall)
        {
            var how = isDebian ? $"sudo apt-get install -y {list}" : $"install {list} with your package manager (e.g. brew install postgresql redis)";
            var why = options.AutoInstall ? "" : " (AppHost:AutoInstall is false)";
            throw new DistributedApplicationException(
                $"No container engine answers and {list} is not installed{why}. Run: {how} — or start Docker or Podman.");
        }

        (string File, string[] Prefix) aptGet = Processes.Native.IsRoot ? ("apt-get", []) : ("sudo", ["-n", "apt-get"]);
        log.Write($"Installing {list} with apt-get (set AppHost:AutoInstall=false to stop this)...");
        if (await RunAsync(aptGet.File, [.. aptGet.Prefix, "update", "-q"], log, cancellationToken) != 0
            || await RunAsync(aptGet.File, [.. aptGet.Prefix, "install", "-y", "-q", "--no-install-recommends", .. packages], log, cancellationToken) != 0)
        {
            throw new DistributedApplicationException($"apt-get could not install {list}; see the output above. Run: sudo apt-get install -y {list}");
        }
    }

    private static async Task<int> RunAsync(string fileName, IReadOnlyList<string> arguments, ResourceLog log, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Write(e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Write(e.Data, isError: true); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
