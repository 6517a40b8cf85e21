using Microsoft.Extensions.Options;

namespace Api.Features.FeatureFlags;

public static class FeatureFlagsExtensions
{
    /// <summary>Reads <c>Features</c>; a value that is not true or false refuses the start with a message naming its key.</summary>
    public static IHostApplicationBuilder AddFeatureFlags(this IHostApplicationBuilder builder)
    {
        // Read by hand rather than bound: the binder throws on "yes" with an exception the start-up check cannot
        // report like every other bad setting, so the bad keys are collected and validated instead.
        builder.Services.AddOptions<FeatureOptions>()
            .Configure<IConfiguration>(Read)
            .ValidateOnStart();
        // So IOptionsMonitor sees a reloaded appsettings.json, as BindConfiguration would have arranged.
        builder.Services.AddSingleton<IOptionsChangeTokenSource<FeatureOptions>>(new ConfigurationChangeTokenSource<FeatureOptions>(builder.Configuration));
        builder.Services.AddSingleton<IValidateOptions<FeatureOptions>, FeatureOptionsValidator>();
        return builder;
    }

    private static void Read(FeatureOptions options, IConfiguration configuration)
    {
        foreach (var feature in Enum.GetValues<ApiFeature>())
        {
            var key = $"{FeatureOptions.SectionName}:{feature}";
            if (configuration[key] is not { } value)
            {
                continue;
            }

            if (bool.TryParse(value, out var enabled))
            {
                options.Set(feature, enabled);
            }
            else
            {
                options.InvalidKeys.Add(key);
            }
        }
    }
}

internal sealed class FeatureOptionsValidator : IValidateOptions<FeatureOptions>
{
    public ValidateOptionsResult Validate(string? name, FeatureOptions options) =>
        options.InvalidKeys.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(options.InvalidKeys.Select(key => $"{key} must be true or false."));
}
