using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Usage;

/// <summary>The usage ledger: one row per client key, model and day, in Redis.</summary>
internal sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>How long a day's rows are kept. Redis must persist (AOF) for the ledger to survive a restart.</summary>
    [SettingRange(1, 3660, ErrorMessage = "Usage:RetentionDays must be between 1 and 3660.")]
    public int RetentionDays { get; set; } = 400;
}

/// <summary>The data annotations of <see cref="UsageOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateUsageOptions : IValidateOptions<UsageOptions>;
