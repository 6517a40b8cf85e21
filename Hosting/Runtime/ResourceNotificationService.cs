using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Hosting;

/// <summary>
/// The current state of every resource, and a stream of changes. The console, the dashboard and the tests read it;
/// <c>WaitFor</c> is built on it.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstHealthy = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];

    /// <summary>Raised for every change, in order, on the thread that made it (keep handlers short).</summary>
    public event Action<ResourceSnapshot>? Changed;

    /// <summary>Every resource's latest snapshot.</summary>
    public IReadOnlyCollection<ResourceSnapshot> Current => [.. _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>One resource's latest snapshot.</summary>
    public ResourceSnapshot Get(string name) =>
        _states.TryGetValue(name, out var snapshot) ? snapshot : throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    /// <summary>Completes once the resource has been healthy for the first time.</summary>
    public Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        FirstHealthy(name).Task.WaitAsync(cancellationToken);

    /// <summary>Completes once <paramref name="predicate"/> holds for the resource.</summary>
    public async Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name == name && predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>The current snapshots, then every change as it happens.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        lock (_gate)
        {
            foreach (var snapshot in _states.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }

            _watchers.Add(channel);
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    internal void Publish(ResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            _states[snapshot.Name] = snapshot;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }

            foreach (var handler in Changed?.GetInvocationList().Cast<Action<ResourceSnapshot>>() ?? [])
            {
                try
                {
                    handler(snapshot);
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    Changed -= handler; // a console that went away must not stop the orchestrator
                }
            }
        }

        if (snapshot.IsHealthy)
        {
            FirstHealthy(snapshot.Name).TrySetResult();
        }
    }

    internal void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        lock (_gate)
        {
            Publish(change(Get(name)));
        }
    }

    private TaskCompletionSource FirstHealthy(string name) =>
        _firstHealthy.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
