using System.Reflection;
using System.Runtime.InteropServices;
using Hosting.ConsoleOutput;
using Hosting.Runtime;
using Hosting.Testing;

namespace Hosting;

/// <summary>
/// The running application: starts every resource once its dependencies are healthy, keeps them up, and stops them
/// in reverse dependency order. Build one with <see cref="CreateBuilder"/>.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Orchestrator _orchestrator;

    internal DistributedApplication(IReadOnlyList<Resource> resources, AppHostOptions options, string appHostId)
    {
        Options = options;
        _orchestrator = new Orchestrator(resources, options, appHostId, TimeProvider.System);
    }

    /// <summary>Starts a model; in the AppHost's <c>Main</c>: <c>var builder = DistributedApplication.CreateBuilder(args);</c>.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var testing = TestingHook.Current;
        if (testing is null)
        {
            FriendlyErrors.Install();
        }

        var appHostAssembly = testing?.AppHostAssembly ?? Assembly.GetEntryAssembly() ?? typeof(DistributedApplication).Assembly;
        return new DistributedApplicationBuilder(args, appHostAssembly, testing);
    }

    /// <summary>The settings this application runs with.</summary>
    public AppHostOptions Options { get; }

    /// <summary>The state of every resource, and a stream of its changes.</summary>
    public ResourceNotificationService ResourceNotifications => _orchestrator.Notifications;

    /// <summary>Each resource's console output, and the AppHost's own messages under "apphost".</summary>
    public IReadOnlyDictionary<string, ResourceLog> ResourceLogs => _orchestrator.Logs;

    /// <summary>The resources of the model.</summary>
    public IReadOnlyList<Resource> Resources => _orchestrator.Resources;

    /// <summary>
    /// Starts every resource; completes once all are healthy, or throws when one cannot be prepared (a missing
    /// program, a taken port). A process that keeps crashing is restarted with backoff and this keeps waiting, as
    /// the console shows: bound it with <paramref name="cancellationToken"/>.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _orchestrator.StartAsync(cancellationToken);

    /// <summary>Stops every resource, dependents before their dependencies.</summary>
    public Task StopAsync() => _orchestrator.StopAsync();

    /// <summary>The connection string a resource referencing <paramref name="name"/> receives.</summary>
    public string GetConnectionString(string name) => _orchestrator.GetConnectionString(name);

    /// <summary>The HTTP endpoint of a project or executable.</summary>
    public Uri GetEndpoint(string name) => _orchestrator.GetEndpoint(name);

    /// <summary>The dashboard's login link for this run (a new token each start); null without a dashboard or before start.</summary>
    public Uri? DashboardLoginUrl => _orchestrator.DashboardLoginUrl;

    /// <summary>The environment a resource was (or would be) started with.</summary>
    public IReadOnlyDictionary<string, string> GetEnvironment(string name) => _orchestrator.GetEnvironment(name);

    /// <summary>
    /// Runs a resource command, as the dashboard's buttons do: <see cref="ResourceCommands.Stop"/> stops a process
    /// resource with its stop signal (SIGKILL after <see cref="AppHostOptions.StopTimeout"/>) and leaves it
    /// <see cref="ResourceStateKind.Finished"/>, not restarted; <see cref="ResourceCommands.Start"/> runs a finished,
    /// stopped or failed one again (dependencies that have been healthy are not waited for again);
    /// <see cref="ResourceCommands.Restart"/> does both, without counting a restart (<see cref="ResourceSnapshot.Restarts"/>
    /// counts crashes). Commands on one resource run one after another; <see cref="StopAsync"/> still stops everything.
    /// </summary>
    /// <param name="resourceName">The resource's name.</param>
    /// <param name="command">One of <see cref="ResourceCommands.All"/>.</param>
    /// <param name="cancellationToken">Gives up waiting for an earlier command on the same resource; a stop under way is not interrupted.</param>
    /// <returns>
    /// Succeeded, or why not: an unknown resource or command, or a command that does not apply now (stop on a stopped
    /// resource, start on a running one, any command on a parameter or a database, or while the AppHost is stopping).
    /// It does not throw for those.
    /// </returns>
    public Task<ResourceCommandResult> ExecuteCommandAsync(string resourceName, string command, CancellationToken cancellationToken = default) =>
        _orchestrator.ExecuteCommandAsync(resourceName, command, cancellationToken);

    /// <summary>The engine, for the resource service the dashboard talks to.</summary>
    internal Orchestrator Orchestrator => _orchestrator;

    /// <summary>Runs until Ctrl+C, SIGTERM or SIGHUP, then stops everything in order.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) > 1)
            {
                _orchestrator.KillAll(); // a second Ctrl+C: no more waiting
            }

            shutdown.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal); // the terminal closed
        using var reporter = Options.ShowProgress ? new ConsoleReporter(this) : null;
        try
        {
            await StartAsync(shutdown.Token);
            reporter?.PrintSummary();
            await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        finally
        {
            try
            {
                reporter?.Stopping();
            }
            finally
            {
                await StopAsync();
                reporter?.Stopped();
            }
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
