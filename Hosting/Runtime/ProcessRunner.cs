using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>
/// Supervises a process resource: prepares it, starts it, polls its health, restarts it with backoff when it dies,
/// and stops it with its stop signal, then SIGKILL.
/// </summary>
internal sealed class ProcessRunner(
    ProcessResource resource,
    ResourcePlan plan,
    RunContext context,
    ResourceNotificationService notifications,
    ResourceLog log,
    ProcessRecords records,
    TimeProvider time) : ResourceRunner(resource, notifications)
{
    private readonly Lock _gate = new();
    private readonly RestartBackoff _backoff = new(context.Options.MaxRestartDelay);
    private ManagedProcess? _current;
    private bool _readyOnce;
    private int _restarts;

    public ResourcePlan Plan => plan;

    protected override async Task RunAsync(CancellationToken stopping)
    {
        Publish(ResourceStateKind.Starting);
        await plan.PrepareAsync(stopping);
        while (StartProcess() is { } process)
        {
            var startedAt = time.GetUtcNow();
            await SuperviseAsync(process, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var exitCode = await process.Exited;
            var delay = _backoff.Next(time.GetUtcNow() - startedAt);
            _restarts++;
            var message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0}s (restart {_restarts})";
            log.Write($"[apphost] {Resource.Name} {message}", isError: true);
            Notifications.Update(Resource.Name, s => s with
            {
                State = ResourceStateKind.Restarting, ExitCode = exitCode, Restarts = _restarts, ProcessId = null, Message = message,
            });
            await Task.Delay(delay, time, stopping);
        }
    }

    private ManagedProcess? StartProcess()
    {
        lock (_gate)
        {
            if (Stopping.IsCancellationRequested)
            {
                return null;
            }

            _current?.Dispose();
            var spec = plan.CreateSpec();
            _current = ManagedProcess.Start(spec, log);
            records.Write(new ProcessRecord(
                Resource.Name, _current.ProcessId, _current.StartTicks, spec.StopSignal, spec.ContainerName, spec.ContainerRuntime));
            var pid = _current.ProcessId;
            Notifications.Update(Resource.Name, s => s with
            {
                State = ResourceStateKind.Starting, ProcessId = pid, StartedAt = time.GetUtcNow(), Urls = plan.Urls, Message = null,
            });
            return _current;
        }
    }

    /// <summary>Polls health until the process exits or the run stops: fast until first healthy, then every few seconds.</summary>
    private async Task SuperviseAsync(ManagedProcess process, CancellationToken stopping)
    {
        var startedAt = time.GetUtcNow();
        var healthy = false;
        while (!process.Exited.IsCompleted && !stopping.IsCancellationRequested)
        {
            var nowHealthy = await plan.IsHealthyAsync(stopping);
            if (nowHealthy && !_readyOnce)
            {
                await plan.OnFirstHealthyAsync(stopping);
                _readyOnce = true;
            }

            if (nowHealthy != healthy || (!nowHealthy && !healthy && time.GetUtcNow() - startedAt > context.Options.StartupTimeout))
            {
                OnHealthChanged(process, nowHealthy, healthy, startedAt);
                healthy = nowHealthy;
            }

            var pause = healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
            await Task.WhenAny(process.Exited, Task.Delay(pause, time, stopping));
        }
    }

    private void OnHealthChanged(ManagedProcess process, bool nowHealthy, bool wasHealthy, DateTimeOffset startedAt)
    {
        if (nowHealthy)
        {
            Publish(ResourceStateKind.Running);
        }
        else if (wasHealthy)
        {
            Publish(ResourceStateKind.Unhealthy, "health check failing");
        }
        else
        {
            var waited = time.GetUtcNow() - startedAt;
            log.Write($"[apphost] {Resource.Name} not healthy after {waited.TotalSeconds:0}s; killing it to start again", isError: true);
            process.Kill();
        }
    }

    public void Kill()
    {
        lock (_gate)
        {
            _current?.Kill();
        }
    }

    protected override async Task StopCoreAsync(TimeSpan timeout)
    {
        ManagedProcess? process;
        lock (_gate)
        {
            process = _current;
        }

        if (process is not null && !process.Exited.IsCompleted)
        {
            Publish(ResourceStateKind.Stopping);
            await plan.StopAsync(process, timeout);
        }

        records.Delete(Resource.Name);
    }
}
