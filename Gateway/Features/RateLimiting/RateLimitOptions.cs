using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.RateLimiting;

/// <summary>Per-key limits over a sliding minute, held in Redis so that every replica enforces the same one.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off only for experiments: keys and budgets are still checked.</summary>
    public bool Enabled { get; set; } = true;

    public int DefaultRequestsPerMinute { get; set; } = 600;

    public long DefaultTokensPerMinute { get; set; } = 2_000_000;
}

/// <summary>The bounds of <see cref="RateLimitOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateRateLimitOptions : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) => SettingChecks.Result(
        (options.DefaultRequestsPerMinute is >= 1 and <= int.MaxValue, "RateLimits:DefaultRequestsPerMinute must be at least 1."),
        (options.DefaultTokensPerMinute >= 1, "RateLimits:DefaultTokensPerMinute must be at least 1."));
}
