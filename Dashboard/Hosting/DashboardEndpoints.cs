using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dashboard.Hosting;

/// <summary>The listeners this run bound, by kind, with their actual ports (port 0 picks a free one).</summary>
public sealed class DashboardEndpoints
{
    private readonly Dictionary<DashboardEndpointKind, ListenOptions> _listeners = [];

    internal void Add(DashboardEndpointKind kind, ListenOptions listen) => _listeners[kind] = listen;

    /// <summary>The URL a listener answers on, once the server has started.</summary>
    public Uri UrlOf(DashboardEndpointKind kind)
    {
        if (!_listeners.TryGetValue(kind, out var listen))
        {
            throw new InvalidOperationException($"No {kind} endpoint is configured.");
        }

        var host = listen.IPEndPoint is { } ip && !ip.Address.Equals(System.Net.IPAddress.IPv6Any) && !ip.Address.Equals(System.Net.IPAddress.Any)
            ? ip.Address.ToString()
            : "localhost";
        return new Uri($"http://{host}:{listen.IPEndPoint?.Port}");
    }
}
