using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.RateLimiting;

/// <summary>Per-key limits over a sliding minute, held in Redis so that every replica enforces the same one.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off only for experiments: keys and budgets are still checked.</summary>
    public bool Enabled { get; set; } = true;

    [SettingRange(1, int.MaxValue, ErrorMessage = "RateLimits:DefaultRequestsPerMinute must be at least 1.")]
    public int DefaultRequestsPerMinute { get; set; } = 600;

    [SettingRange(1, long.MaxValue, ErrorMessage = "RateLimits:DefaultTokensPerMinute must be at least 1.")]
    public long DefaultTokensPerMinute { get; set; } = 2_000_000;
}

/// <summary>The data annotations of <see cref="RateLimitOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateRateLimitOptions : IValidateOptions<RateLimitOptions>;
