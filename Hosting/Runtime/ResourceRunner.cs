namespace Hosting.Runtime;

/// <summary>Brings one resource up once its dependencies are healthy, keeps it up, and stops it.</summary>
internal abstract class ResourceRunner(Resource resource, ResourceNotificationService notifications)
{
    private Task _run = Task.CompletedTask;

    public Resource Resource { get; } = resource;

    protected ResourceNotificationService Notifications { get; } = notifications;

    protected CancellationTokenSource Stopping { get; } = new();

    public void Start(Func<CancellationToken, Task> dependenciesHealthy, Action<DistributedApplicationException> fatal)
    {
        if (Resource.WaitsFor.Count > 0)
        {
            Publish(ResourceStateKind.Waiting);
        }

        _run = RunGuardedAsync(dependenciesHealthy, fatal);
    }

    private async Task RunGuardedAsync(Func<CancellationToken, Task> dependenciesHealthy, Action<DistributedApplicationException> fatal)
    {
        try
        {
            await dependenciesHealthy(Stopping.Token);
            await RunAsync(Stopping.Token);
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var problem = ex as DistributedApplicationException
                ?? new DistributedApplicationException($"Resource '{Resource.Name}' could not start: {ex.Message}", ex);
            Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.FailedToStart, Message = problem.Message });
            fatal(problem);
        }
    }

    /// <summary>Runs until <paramref name="stopping"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    public async Task StopAsync(TimeSpan timeout)
    {
        await Stopping.CancelAsync();
        await StopCoreAsync(timeout);
        await _run;
        Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.Finished, ProcessId = null });
    }

    protected virtual Task StopCoreAsync(TimeSpan timeout) => Task.CompletedTask;

    protected void Publish(ResourceStateKind state, string? message = null) =>
        Notifications.Update(Resource.Name, s => s with { State = state, Message = message ?? s.Message });
}
