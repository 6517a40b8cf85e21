using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.Health;

internal static class HealthEndpointPaths
{
    public const string Health = "/health";
    public const string Alive = "/alive";

    /// <summary>Checked on the raw path, before routing, so probes can be kept out of traces first.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Health, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Alive, StringComparison.OrdinalIgnoreCase);
}
