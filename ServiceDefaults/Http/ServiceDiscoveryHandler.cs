using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Http;

/// <summary>
/// Sends <c>http://gateway/...</c> to the address configured for <c>gateway</c>. Configuration is
/// read on every request, so a reloaded value applies to the next call without a restart.
/// </summary>
internal sealed class ServiceDiscoveryHandler(IConfiguration configuration, ILogger<ServiceDiscoveryHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logical = request.RequestUri;
        var resolved = logical is null ? null : ServiceEndpointResolver.Resolve(configuration, logical);
        if (resolved is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Log.ServiceResolved(logger, logical!.Host, resolved.GetLeftPart(UriPartial.Authority));
        request.RequestUri = resolved;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            // A retry runs this handler again with the same message; it must see the name, not the
            // address this attempt used.
            request.RequestUri = logical;
        }
    }
}
