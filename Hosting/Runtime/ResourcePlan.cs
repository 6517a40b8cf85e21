using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>How one kind of process resource is prepared, started, probed and stopped.</summary>
internal abstract class ResourcePlan
{
    /// <summary>Once per run, before the first start: create directories, configuration, a database cluster.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The process to start, each time it is (re)started.</summary>
    public abstract ProcessSpec CreateSpec();

    /// <summary>Whether the resource answers as it should.</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Once, the first time the resource is healthy: e.g. create databases.</summary>
    public virtual Task OnFirstHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the process cleanly, then forcibly after <paramref name="timeout"/>.</summary>
    public virtual Task StopAsync(ManagedProcess process, TimeSpan timeout) => process.StopAsync(timeout);

    /// <summary>What a person would open or point a client at.</summary>
    public abstract IReadOnlyList<string> Urls { get; }
}
