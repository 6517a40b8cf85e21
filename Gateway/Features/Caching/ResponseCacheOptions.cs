using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Caching;

/// <summary>The exact-match cache of non-streaming answers, in Redis (shared by every replica).</summary>
internal sealed class ResponseCacheOptions
{
    public const string SectionName = "Cache";

    public bool Enabled { get; set; } = true;

    [SettingRange(1, 30 * 86_400, ErrorMessage = "Cache:TtlSeconds must be between 1 and 2592000 (30 days).")]
    public int TtlSeconds { get; set; } = 3_600;

    /// <summary>Larger answers are served but not kept.</summary>
    [SettingRange(1, 64 * 1024 * 1024, ErrorMessage = "Cache:MaxEntryBytes must be between 1 and 67108864.")]
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether all client keys share one cache. Off by default: a shared cache lets one tenant learn, from a
    /// fast answer, what another tenant asked.
    /// </summary>
    public bool SharedAcrossKeys { get; set; }
}

/// <summary>The data annotations of <see cref="ResponseCacheOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateResponseCacheOptions : IValidateOptions<ResponseCacheOptions>;
