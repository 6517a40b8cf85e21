using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>How one kind of process resource is prepared, started, probed and stopped.</summary>
internal abstract class ResourcePlan
{
    /// <summary>Once per run, before the first start: create directories, configuration, a database cluster.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Before every start: e.g. remove a container an earlier start left behind.</summary>
    public virtual Task BeforeStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The process to start, each time it is (re)started.</summary>
    public abstract ProcessSpec CreateSpec();

    /// <summary>Whether the resource answers as it should.</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>When a newly started process first answers: e.g. create its databases (idempotent: a restarted server may have lost them).</summary>
    public virtual Task OnStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Kills a process that never became healthy.</summary>
    public virtual Task KillAsync(ManagedProcess process)
    {
        process.Kill();
        return Task.CompletedTask;
    }

    /// <summary>Stops the process cleanly, then forcibly after <paramref name="timeout"/>.</summary>
    public virtual Task StopAsync(ManagedProcess process, TimeSpan timeout) => process.StopAsync(timeout);

    /// <summary>What a person would open or point a client at.</summary>
    public abstract IReadOnlyList<string> Urls { get; }
}
