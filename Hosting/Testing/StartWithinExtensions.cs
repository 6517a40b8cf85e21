using System.Text;

namespace Hosting.Testing;

/// <summary>Starting an application in a test with a deadline that, when missed, says which resource held it up.</summary>
public static class StartWithinExtensions
{
    private const int LogTail = 25;

    /// <summary>
    /// <see cref="DistributedApplication.StartAsync"/>, bounded by <paramref name="timeout"/>. When it runs out, the
    /// <see cref="TimeoutException"/> lists every resource's state, restarts and exit code, and the last lines of the
    /// console output of each one that is not running (and of the AppHost), so a failed CI run shows why.
    /// </summary>
    public static async Task StartWithinAsync(this DistributedApplication app, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await app.StartAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(Describe(app, timeout), ex);
        }
    }

    /// <summary>The states and log tails <see cref="StartWithinAsync"/> reports.</summary>
    public static string Describe(DistributedApplication app, TimeSpan timeout)
    {
        var text = new StringBuilder($"The application did not start within {timeout}. Resources:");
        var stuck = new List<string> { Runtime.Orchestrator.AppHostLogName };
        foreach (var snapshot in app.ResourceNotifications.Current)
        {
            text.Append($"\n  {snapshot.Name} ({snapshot.Kind}): {snapshot.State}, pid {snapshot.ProcessId?.ToString() ?? "-"}, " +
                $"restarts {snapshot.Restarts}, exit code {snapshot.ExitCode?.ToString() ?? "-"}{(snapshot.Message is null ? "" : ", " + snapshot.Message)}");
            if (!snapshot.IsHealthy)
            {
                stuck.Add(snapshot.Name);
            }
        }

        foreach (var name in stuck)
        {
            if (app.ResourceLogs.TryGetValue(name, out var log))
            {
                var lines = log.Snapshot();
                text.Append($"\nLast {Math.Min(LogTail, lines.Count)} of {lines.Count} console lines of {name}:");
                foreach (var line in lines.TakeLast(LogTail))
                {
                    text.Append($"\n  {line.Timestamp:HH:mm:ss.fff} {line.Text}");
                }
            }
        }

        return text.ToString();
    }
}
