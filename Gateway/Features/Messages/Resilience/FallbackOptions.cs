using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Resilience;

/// <summary>When the mock model answers although an API key is configured.</summary>
internal sealed class FallbackOptions
{
    public const string SectionName = "Fallback";

    [EnumDataType(typeof(FallbackMode), ErrorMessage = "Fallback:Mode must be Off, OnError or Always.")]
    public FallbackMode Mode { get; set; } = FallbackMode.Off;
}

/// <summary>The data annotations of <see cref="FallbackOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateFallbackOptions : IValidateOptions<FallbackOptions>;

internal enum FallbackMode
{
    /// <summary>Upstream failures reach the client as Anthropic errors.</summary>
    Off,

    /// <summary>A final upstream failure (after retries, or an open circuit) is answered by the mock model.</summary>
    OnError,

    /// <summary>The provider is never called: load tests and offline runs with production configuration.</summary>
    Always,
}
