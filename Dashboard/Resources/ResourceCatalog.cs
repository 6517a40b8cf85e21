using System.Collections.Concurrent;

namespace Dashboard.Resources;

/// <summary>
/// The latest state of every resource, kept by one background watch of the resource service so that every browser
/// session reads the same copy instead of opening a stream of its own. <see cref="Changed"/> says when to re-render.
/// </summary>
public sealed class ResourceCatalog(ResourceServiceClient client, ILogger<ResourceCatalog> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, ResourceViewModel> _resources = new(StringComparer.Ordinal);
    private volatile ResourceServiceConnectionState _connectionState =
        client.IsConfigured ? ResourceServiceConnectionState.Connecting : ResourceServiceConnectionState.NotConfigured;

    /// <summary>Raised after a resource or the connection state changed, on the watch's thread: keep handlers short.</summary>
    public event Action? Changed;

    /// <summary>False for a standalone dashboard: resources come from telemetry only.</summary>
    public bool IsConfigured => client.IsConfigured;

    public ResourceServiceConnectionState ConnectionState => _connectionState;

    /// <summary>Every resource seen so far, ordered by name.</summary>
    public IReadOnlyList<ResourceViewModel> Resources => [.. _resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    public ResourceViewModel? Find(string name) => _resources.GetValueOrDefault(name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!client.IsConfigured)
        {
            Log.ResourceServiceNotConfigured(logger);
            return;
        }

        Log.ResourceServiceConfigured(logger, client.Url!);
        try
        {
            await foreach (var resource in client.WatchResourcesAsync(OnConnectionChanged, stoppingToken))
            {
                _resources[resource.Name] = resource;
                RaiseChanged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnConnectionChanged(ResourceServiceConnectionState state)
    {
        _connectionState = state;
        RaiseChanged();
    }

    private void RaiseChanged()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                handler();
            }
            catch (Exception ex)
            {
                // A broken page must not stop the watch every other page relies on.
                Log.ChangedHandlerFailed(logger, ex);
            }
        }
    }
}
