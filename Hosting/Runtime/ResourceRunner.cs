namespace Hosting.Runtime;

/// <summary>
/// Brings one resource up once its dependencies are healthy, keeps it up, and stops it. A process resource can
/// also be stopped, started and restarted on request (<see cref="ResourceCommands"/>): each start is a new run with
/// its own cancellation, linked to the application's.
/// </summary>
internal abstract class ResourceRunner(Resource resource, ResourceNotificationService notifications)
{
    public const string StoppedByUser = "stopped by the user";
    private const string RestartingByUser = "restarting at the user's request";

    // One lifecycle change at a time: commands queue behind each other, and the application's stop behind them.
    private readonly SemaphoreSlim _lifecycle = new(1, 1);

    // Cancelled once, when the application stops; every run's cancellation is linked to it.
    private readonly CancellationTokenSource _applicationStopping = new();

    private Task _run = Task.CompletedTask;
    private CancellationTokenSource? _runStopping;
    private Func<CancellationToken, Task> _dependenciesHealthy = _ => Task.CompletedTask;
    private Action<DistributedApplicationException> _fatal = _ => { };

    public Resource Resource { get; } = resource;

    protected ResourceNotificationService Notifications { get; } = notifications;

    /// <summary>Whether start, stop and restart apply to this kind of resource.</summary>
    public virtual bool SupportsCommands => false;

    public void Start(Func<CancellationToken, Task> dependenciesHealthy, Action<DistributedApplicationException> fatal)
    {
        _dependenciesHealthy = dependenciesHealthy;
        _fatal = fatal;
        BeginRun();
    }

    /// <summary>Starts a run; the previous one (if any) has completed.</summary>
    private void BeginRun()
    {
        if (Resource.WaitsFor.Count > 0)
        {
            Publish(ResourceStateKind.Waiting);
        }

        _runStopping?.Dispose();
        _runStopping = CancellationTokenSource.CreateLinkedTokenSource(_applicationStopping.Token);
        _run = RunGuardedAsync(_runStopping.Token);
    }

    private async Task RunGuardedAsync(CancellationToken stopping)
    {
        try
        {
            // Dependencies that have been healthy once complete at once: a user's start does not wait for them again.
            await _dependenciesHealthy(stopping);
            await RunAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var problem = ex as DistributedApplicationException
                ?? new DistributedApplicationException($"Resource '{Resource.Name}' could not start: {ex.Message}", ex);
            Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.FailedToStart, Message = problem.Message });
            _fatal(problem);
        }
    }

    /// <summary>Runs until <paramref name="stopping"/> is cancelled (the application stops, or the user stops this run).</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    /// <summary>The application's stop: final, and after any command in flight.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await _applicationStopping.CancelAsync();
        await _lifecycle.WaitAsync();
        try
        {
            await StopRunAsync(timeout);
            Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.Finished, ProcessId = null });
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StopRunAsync(TimeSpan timeout)
    {
        if (_runStopping is { } run)
        {
            await run.CancelAsync();
        }

        await StopCoreAsync(timeout);
        await _run;
    }

    protected virtual Task StopCoreAsync(TimeSpan timeout) => Task.CompletedTask;

    /// <summary>Whether a run is under way (waiting, starting, running or between restarts).</summary>
    public bool IsRunning => !_run.IsCompleted;

    public Task<ResourceCommandResult> StopByUserAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        UnderLifecycleAsync(async () =>
        {
            if (!IsRunning)
            {
                return ResourceCommandResult.NotApplicable($"'{Resource.Name}' is not running.");
            }

            await StopRunAsync(timeout);
            Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.Finished, ProcessId = null, Message = StoppedByUser });
            return ResourceCommandResult.Success;
        }, cancellationToken);

    public Task<ResourceCommandResult> StartByUserAsync(CancellationToken cancellationToken) =>
        UnderLifecycleAsync(() =>
        {
            if (IsRunning)
            {
                return Task.FromResult(ResourceCommandResult.NotApplicable($"'{Resource.Name}' is already running."));
            }

            Notifications.Update(Resource.Name, s => s with { Message = null });
            BeginRun();
            return Task.FromResult(ResourceCommandResult.Success);
        }, cancellationToken);

    public Task<ResourceCommandResult> RestartByUserAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        UnderLifecycleAsync(async () =>
        {
            if (!IsRunning)
            {
                return ResourceCommandResult.NotApplicable($"'{Resource.Name}' is not running; start it instead.");
            }

            Notifications.Update(Resource.Name, s => s with { Message = RestartingByUser });
            await StopRunAsync(timeout);
            BeginRun();
            return ResourceCommandResult.Success;
        }, cancellationToken);

    private async Task<ResourceCommandResult> UnderLifecycleAsync(Func<Task<ResourceCommandResult>> command, CancellationToken cancellationToken)
    {
        if (!SupportsCommands)
        {
            return ResourceCommandResult.NotApplicable($"'{Resource.Name}' is a {Resource.Kind}; only processes can be started and stopped.");
        }

        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            // Checked under the lock: once the application's stop has begun, no run begins again.
            return _applicationStopping.IsCancellationRequested
                ? ResourceCommandResult.NotApplicable("The AppHost is stopping.")
                : await command();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    protected void Publish(ResourceStateKind state, string? message = null) =>
        Notifications.Update(Resource.Name, s => s with { State = state, Message = message ?? s.Message });
}
