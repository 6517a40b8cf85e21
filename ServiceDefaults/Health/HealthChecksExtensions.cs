using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceDefaults.Health;

internal static class HealthChecksExtensions
{
    /// <summary>Checks with this tag decide liveness; everything else only readiness.</summary>
    public const string LiveTag = "live";

    public static IServiceCollection AddDefaultHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapDefaultHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(HealthEndpointPaths.Health, Options(_ => true)).AsProbe();
        endpoints.MapHealthChecks(HealthEndpointPaths.Alive, Options(check => check.Tags.Contains(LiveTag))).AsProbe();
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthResponseWriter.WriteAsync,

        // Probes act on the status code alone, and a degraded dependency is reason enough to stop
        // sending traffic to an instance, so only Healthy is a 200.
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>
    /// Probes come without credentials and every few seconds: a fallback authorization policy or a
    /// global rate limiter must not turn them away, and they would swamp the request metrics.
    /// </summary>
    /// <remarks>
    /// The attribute itself rather than <c>AllowAnonymous()</c>, the same metadata: that extension lives in
    /// Microsoft.AspNetCore.Authorization.Policy, an assembly a service without authorization never loads otherwise.
    /// </remarks>
    private static void AsProbe(this IEndpointConventionBuilder endpoint) =>
        endpoint.WithMetadata(new AllowAnonymousAttribute()).DisableRateLimiting().DisableHttpMetrics();
}
