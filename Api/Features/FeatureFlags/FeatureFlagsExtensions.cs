namespace Api.Features.FeatureFlags;

public static class FeatureFlagsExtensions
{
    /// <summary>
    /// Binds <c>Features</c>. A value that is not a boolean (<c>Features:Chat=yes</c>) fails binding at start,
    /// and the binder's message names the key.
    /// </summary>
    public static IHostApplicationBuilder AddFeatureFlags(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeatureOptions>()
            .BindConfiguration(FeatureOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
