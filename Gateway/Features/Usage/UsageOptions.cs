using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Usage;

/// <summary>The usage ledger: one row per client key, model and day, in Redis.</summary>
internal sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>How long a day's rows are kept. Redis must persist (AOF) for the ledger to survive a restart.</summary>
    public int RetentionDays { get; set; } = 400;
}

/// <summary>The bounds of <see cref="UsageOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateUsageOptions : IValidateOptions<UsageOptions>
{
    public ValidateOptionsResult Validate(string? name, UsageOptions options) => SettingChecks.Result(
        (options.RetentionDays is >= 1 and <= 3660, "Usage:RetentionDays must be between 1 and 3660."));
}
