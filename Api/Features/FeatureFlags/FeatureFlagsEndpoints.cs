using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Features.FeatureFlags;

public sealed record FeaturesResponse(bool Chat, bool Search, bool Realtime, bool Attachments);

public static class FeatureFlagsEndpoints
{
    /// <summary><c>GET /api/features</c>, public: a client hides what the server has turned off.</summary>
    public static IEndpointRouteBuilder MapFeatureFlagsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/features", ListFeatures).WithTags("Features").AllowAnonymous();
        return endpoints;
    }

    internal static Ok<FeaturesResponse> ListFeatures(IOptionsMonitor<FeatureOptions> options)
    {
        var flags = options.CurrentValue;
        return TypedResults.Ok(new FeaturesResponse(flags.Chat, flags.Search, flags.Realtime, flags.Attachments));
    }
}
