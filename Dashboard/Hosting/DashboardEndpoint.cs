using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dashboard.Hosting;

/// <summary>Which of the dashboard's listeners a connection came in on: the browser UI or one of the OTLP receivers.</summary>
public enum DashboardEndpointKind
{
    Frontend,
    OtlpGrpc,
    OtlpHttp,
}

/// <summary>Set on every connection by the listener that accepted it, so a request can be refused on the wrong port.</summary>
public interface IDashboardEndpointFeature
{
    DashboardEndpointKind Kind { get; }
}

internal sealed record DashboardEndpointFeature(DashboardEndpointKind Kind) : IDashboardEndpointFeature;

/// <summary>Binds Kestrel to an endpoint URL such as <c>http://localhost:18888</c> and tags its connections.</summary>
public static class DashboardEndpoint
{
    public static void Listen(KestrelServerOptions kestrel, Uri url, DashboardEndpointKind kind, HttpProtocols protocols)
    {
        var registry = kestrel.ApplicationServices.GetRequiredService<DashboardEndpoints>();
        if (url.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"Only http:// endpoints are supported, not '{url}'.");
        }

        if (url.IsLoopback && url.Host == "localhost")
        {
            kestrel.ListenLocalhost(url.Port, Configure);
        }
        else if (IPAddress.TryParse(url.Host, out var address))
        {
            kestrel.Listen(address, url.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(url.Port, Configure); // "*", "+" or a host name: every interface, as ASPNETCORE_URLS does
        }

        void Configure(ListenOptions listen)
        {
            listen.Protocols = protocols;
            registry.Add(kind, listen);
            var feature = new DashboardEndpointFeature(kind);
            listen.Use(next => connection =>
            {
                connection.Features.Set<IDashboardEndpointFeature>(feature);
                return next(connection);
            });
        }
    }

    /// <summary>The listener a request arrived on (<see cref="DashboardEndpointKind.Frontend"/> when untagged).</summary>
    public static DashboardEndpointKind KindOf(HttpContext context) =>
        context.Features.Get<IDashboardEndpointFeature>()?.Kind ?? DashboardEndpointKind.Frontend;
}
