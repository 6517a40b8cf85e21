using Dashboard.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Frontend;

/// <summary>
/// A dashboard started on its own has no AppHost to print its login link: it writes the link itself, once the UI
/// listens, when it generated the token (a configured token is the configurer's to hand out).
/// </summary>
internal sealed class LoginLinkLogger(
    IHostApplicationLifetime lifetime, IOptions<FrontendOptions> options, DashboardEndpoints endpoints, ILogger<LoginLinkLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var url = endpoints.UrlOf(DashboardEndpointKind.Frontend);
            if (options.Value.AuthMode == FrontendAuthMode.Unsecured)
            {
                Log.Unsecured(logger, url);
            }
            else if (options.Value.TokenWasGenerated)
            {
                Log.LoginLink(logger, new Uri(url, $"/login?t={options.Value.BrowserToken}").ToString());
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
