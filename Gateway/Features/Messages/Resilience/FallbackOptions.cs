using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Resilience;

/// <summary>When the mock model answers although an API key is configured.</summary>
internal sealed class FallbackOptions
{
    public const string SectionName = "Fallback";

    public FallbackMode Mode { get; set; } = FallbackMode.Off;
}

/// <summary>The bounds of <see cref="FallbackOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateFallbackOptions : IValidateOptions<FallbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FallbackOptions options) => SettingChecks.Result(
        (Enum.IsDefined(options.Mode), "Fallback:Mode must be Off, OnError or Always."));
}

internal enum FallbackMode
{
    /// <summary>Upstream failures reach the client as Anthropic errors.</summary>
    Off,

    /// <summary>A final upstream failure (after retries, or an open circuit) is answered by the mock model.</summary>
    OnError,

    /// <summary>The provider is never called: load tests and offline runs with production configuration.</summary>
    Always,
}
