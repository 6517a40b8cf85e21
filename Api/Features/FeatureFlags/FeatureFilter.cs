using Microsoft.Extensions.Options;

namespace Api.Features.FeatureFlags;

public static class FeatureFilter
{
    /// <summary>
    /// Answers 404 ProblemDetails ("Feature disabled") while <c>Features:{feature}</c> is false, on an endpoint or a
    /// whole group: <c>group.RequireFeature(ApiFeature.Chat)</c>. Read per request, so a reloaded setting applies at once.
    /// </summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, ApiFeature feature)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var flags = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<FeatureOptions>>().CurrentValue;
            return flags.IsEnabled(feature) ? await next(context) : FeatureDisabled(feature);
        });

    public static IResult FeatureDisabled(ApiFeature feature) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Feature disabled",
            detail: $"The {feature} feature is turned off on this server (Features:{feature}).");
}
