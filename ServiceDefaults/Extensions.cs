using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDefaults;
using ServiceDefaults.Errors;
using ServiceDefaults.Health;
using ServiceDefaults.Http;
using ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Defaults every service of the stack shares: OpenTelemetry export, health endpoints, resilient
/// HTTP clients with service discovery, ProblemDetails error responses and a <see cref="TimeProvider"/>.
/// </summary>
public static class Extensions
{
    /// <summary>
    /// Adds the shared service defaults. Telemetry is exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured; every <see cref="System.Net.Http.HttpClient"/>
    /// from <c>IHttpClientFactory</c> resolves <c>services:{name}:{scheme}:0</c> and retries transient
    /// failures as configured in the <c>HttpClientDefaults</c> section. Bad configuration stops the host at start.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // A second call would register the "self" health check twice, which only fails at the first probe.
        if (builder.Services.Any(d => d.ServiceType == typeof(ServiceDefaultsMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<ServiceDefaultsMarker>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddDefaultTelemetry();
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddDefaultHttpClients();
        builder.Services.AddDefaultErrorHandling();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ServiceDefaultsStartupFilter>());
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every registered check) and <c>/alive</c> (checks tagged <c>live</c>) in
    /// every environment: the orchestrator, compose and Kubernetes probe them. Both answer 200 when
    /// healthy and 503 otherwise, with a small JSON body listing each check.
    /// </summary>
    /// <param name="app">The web application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultHealthChecks();
        return app;
    }
}
