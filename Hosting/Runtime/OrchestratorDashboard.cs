using Hosting.Dashboard;

namespace Hosting.Runtime;

/// <summary>The dashboard's side of a run: its resource service, its keys, the login link.</summary>
internal sealed partial class Orchestrator
{
    private ResourceServiceHost? _resourceService;

    /// <summary>The link that logs a browser in to the dashboard, once the run has one.</summary>
    public Uri? DashboardLoginUrl => _context?.Dashboard is { } dashboard ? new Uri(dashboard.LoginUrl) : null;

    /// <summary>Starts the resource service and hands every service the dashboard's addresses, before any runner starts.</summary>
    private async Task WireDashboardAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (Resources.OfType<ProjectResource>().FirstOrDefault(p => p.IsDashboard) is not { } dashboard)
        {
            return;
        }

        var apiKey = DashboardWiring.NewSecret();
        _resourceService = await ResourceServiceHost.StartAsync(this, apiKey, cancellationToken);
        context.Dashboard = new DashboardWiring
        {
            FrontendUrl = context.ServiceUrl(dashboard),
            OtlpGrpcUrl = context.EndpointUrl(dashboard, DashboardWiring.OtlpGrpcEndpoint),
            OtlpHttpUrl = context.EndpointUrl(dashboard, DashboardWiring.OtlpHttpEndpoint),
            ResourceServiceUrl = _resourceService.Url,
            ResourceServiceApiKey = apiKey,
            StorageDirectory = context.State.Data(dashboard.Name),
        };
    }

    private async Task StopResourceServiceAsync()
    {
        if (_resourceService is not null)
        {
            await _resourceService.DisposeAsync();
        }
    }
}
