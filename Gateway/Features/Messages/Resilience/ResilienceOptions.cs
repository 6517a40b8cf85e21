using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// How the Gateway retries a failed upstream attempt. Retries happen only before the client has
/// been sent anything, so a retried call is never seen twice.
/// </summary>
internal sealed class ResilienceOptions
{
    public const string SectionName = "Resilience";

    /// <summary>Retries after the first attempt; 0 sends each request once.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones double it, with jitter. A retry-after header wins.</summary>
    public int BaseDelayMilliseconds { get; set; } = 500;

    /// <summary>
    /// The longest retry-after the Gateway waits out itself. A longer one is the provider saying
    /// "not soon": the 429/529 goes back to the client, whose own policy decides.
    /// </summary>
    public int MaxRetryAfterSeconds { get; set; } = 30;
}

/// <summary>The bounds of <see cref="ResilienceOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateResilienceOptions : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options) => SettingChecks.Result(
        (options.MaxRetries is >= 0 and <= 10, "Resilience:MaxRetries must be between 0 and 10."),
        (options.BaseDelayMilliseconds is >= 1 and <= 60_000, "Resilience:BaseDelayMilliseconds must be between 1 and 60000."),
        (options.MaxRetryAfterSeconds is >= 0 and <= 3600, "Resilience:MaxRetryAfterSeconds must be between 0 and 3600."));
}
