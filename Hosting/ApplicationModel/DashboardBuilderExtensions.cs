namespace Hosting;

/// <summary>Adds the developer dashboard, as Aspire's AppHost does implicitly.</summary>
public static class DashboardBuilderExtensions
{
    /// <summary>
    /// Adds the dashboard project as resource <c>dashboard</c>: its UI on <paramref name="port"/>, OTLP/gRPC on
    /// <paramref name="otlpGrpcPort"/> and OTLP/HTTP on <paramref name="otlpHttpPort"/>. Every other service sends its
    /// telemetry there (unless <c>AppHost:OtlpEndpoint</c> names another collector), and the AppHost prints a login link.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDashboard<TProject>(
        this DistributedApplicationBuilder builder, int port = 18888, int otlpGrpcPort = 4317, int otlpHttpPort = 4318)
        where TProject : IProjectMetadata, new()
    {
        if (builder.Resources.OfType<ProjectResource>().Any(p => p.IsDashboard))
        {
            throw new DistributedApplicationException("The application already has a dashboard.");
        }

        var dashboard = new ProjectResource("dashboard", new TProject())
        {
            IsDashboard = true,
            Http = new HttpEndpoint(port),
            HealthCheckPath = "/health",
        };
        dashboard.AdditionalEndpoints[Dashboard.DashboardWiring.OtlpGrpcEndpoint] = new HttpEndpoint(otlpGrpcPort);
        dashboard.AdditionalEndpoints[Dashboard.DashboardWiring.OtlpHttpEndpoint] = new HttpEndpoint(otlpHttpPort);
        return builder.AddResource(dashboard);
    }
}
