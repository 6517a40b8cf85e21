using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Caching;

/// <summary>The exact-match cache of non-streaming answers, in Redis (shared by every replica).</summary>
internal sealed class ResponseCacheOptions
{
    public const string SectionName = "Cache";

    public bool Enabled { get; set; } = true;

    public int TtlSeconds { get; set; } = 3_600;

    /// <summary>Larger answers are served but not kept.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether all client keys share one cache. Off by default: a shared cache lets one tenant learn, from a
    /// fast answer, what another tenant asked.
    /// </summary>
    public bool SharedAcrossKeys { get; set; }
}

/// <summary>The bounds of <see cref="ResponseCacheOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateResponseCacheOptions : IValidateOptions<ResponseCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, ResponseCacheOptions options) => SettingChecks.Result(
        (options.TtlSeconds is >= 1 and <= 30 * 86_400, "Cache:TtlSeconds must be between 1 and 2592000 (30 days)."),
        (options.MaxEntryBytes is >= 1 and <= 64 * 1024 * 1024, "Cache:MaxEntryBytes must be between 1 and 67108864."));
}
