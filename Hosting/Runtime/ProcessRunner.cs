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
    private static readonly TimeSpan HealthyPollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartingPollInterval = TimeSpan.FromMilliseconds(200);
    private readonly Lock _gate = new();
    private readonly RestartBackoff _backoff = new(context.Options.MaxRestartDelay);
    private ManagedProcess? _current;
    private int _restarts;
    private bool _prepared;

    public ResourcePlan Plan => plan;

    public override bool SupportsCommands => true;

    /// <summary>What the AppHost set for the process it started last (or would start next), on top of what it inherits.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> WiringEnvironment()
    {
        ProcessSpec? started;
        lock (_gate)
        {
            started = _current?.Spec;
        }

        return Runtime.WiringEnvironment.Of(Resource, started ?? plan.CreateSpec());
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        Publish(ResourceStateKind.Starting);
        if (!_prepared)
        {
            // Once per application run: a start from the dashboard must not wipe a non-persistent server's data again.
            await plan.PrepareAsync(stopping);
            _prepared = true;
        }

        while (true)
        {
            await plan.BeforeStartAsync(stopping);
            if (StartProcess(stopping) is not { } process)
            {
                return;
            }

            var startedAt = time.GetUtcNow();
            await SuperviseAsync(process, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var exitCode = await process.Exited;
            process.Kill(); // what it left running in its session
            await process.DrainOutputAsync(); // its last words (a crash's stack trace) before ours
            if (!resource.RestartOnFailure)
            {
                Notifications.Update(Resource.Name, s => s with { State = ResourceStateKind.Finished, ExitCode = exitCode, ProcessId = null });
                return;
            }

            await WaitBeforeRestartAsync(exitCode, time.GetUtcNow() - startedAt, stopping);
        }
    }

    private async Task WaitBeforeRestartAsync(int exitCode, TimeSpan ranFor, CancellationToken stopping)
    {
        var delay = _backoff.Next(ranFor);
        _restarts++;
        var message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0}s (restart {_restarts})";
        log.Write($"[apphost] {Resource.Name} {message}", isError: true);
        Notifications.Update(Resource.Name, s => s with
        {
            State = ResourceStateKind.Restarting, ExitCode = exitCode, Restarts = _restarts, ProcessId = null, Message = message,
        });
        await Task.Delay(delay, time, stopping);
    }

    private ManagedProcess? StartProcess(CancellationToken stopping)
    {
        lock (_gate)
        {
            // Checked under the lock StopCoreAsync takes: a stopped run never starts a process that stop would miss.
            if (stopping.IsCancellationRequested)
            {
                return null;
            }

            _current?.Dispose();
            context.ReleasePortsOf(Resource);
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

    /// <summary>
    /// Polls health until the process exits or the run stops: fast until this process is first healthy, then every
    /// few seconds. Only a process that never became healthy within the startup timeout is killed; a healthy one
    /// that fails a probe is reported Unhealthy and left alone.
    /// </summary>
    private async Task SuperviseAsync(ManagedProcess process, CancellationToken stopping)
    {
        var startedAt = time.GetUtcNow();
        var wasHealthy = false;
        var everHealthy = false;
        while (!process.Exited.IsCompleted && !stopping.IsCancellationRequested)
        {
            var healthy = await plan.IsHealthyAsync(stopping);
            if (healthy && !everHealthy)
            {
                await plan.OnStartedAsync(stopping);
                everHealthy = true;
            }

            if (healthy != wasHealthy)
            {
                Publish(healthy ? ResourceStateKind.Running : ResourceStateKind.Unhealthy, healthy ? null : "health check failing");
                wasHealthy = healthy;
            }
            else if (!everHealthy && time.GetUtcNow() - startedAt > context.Options.StartupTimeout)
            {
                log.Write($"[apphost] {Resource.Name} not healthy after {context.Options.StartupTimeout.TotalSeconds:0}s; killing it to start again", isError: true);
                await plan.KillAsync(process);
                await process.Exited.WaitAsync(stopping);
                return;
            }

            await Task.WhenAny(process.Exited, Task.Delay(everHealthy ? HealthyPollInterval : StartingPollInterval, time, stopping));
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

        if (process is not null)
        {
            if (!process.Exited.IsCompleted)
            {
                Publish(ResourceStateKind.Stopping);
            }

            // Even when the process has exited: a container can outlive its docker client.
            await plan.StopAsync(process, timeout);
            if (process.Exited.IsCompletedSuccessfully)
            {
                Notifications.Update(Resource.Name, s => s with { ExitCode = process.Exited.Result });
            }
        }

        records.Delete(Resource.Name);
    }
}
