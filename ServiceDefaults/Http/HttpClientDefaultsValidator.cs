using Microsoft.Extensions.Options;

namespace ServiceDefaults.Http;

/// <summary>
/// Every rule on <see cref="HttpClientDefaults"/>, each failure naming its key. Code rather than data annotations:
/// <c>ValidateDataAnnotations</c> reads them through TypeDescriptor (System.ComponentModel.TypeConverter, ~1 MB
/// resident in every service), and the options validation source generator cannot check a TimeSpan range.
/// </summary>
internal sealed class HttpClientDefaultsValidator : IValidateOptions<HttpClientDefaults>
{
    // Polly accepts timeouts from 10 ms to 24 h; the same bounds here fail at start, naming the key.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, HttpClientDefaults options)
    {
        var failures = new List<string>();
        CheckRange(failures, nameof(HttpClientDefaults.AttemptTimeout), options.AttemptTimeout, MinTimeout, MaxTimeout);
        CheckRange(failures, nameof(HttpClientDefaults.TotalTimeout), options.TotalTimeout, MinTimeout, MaxTimeout);
        CheckRange(failures, nameof(HttpClientDefaults.MaxRetryAttempts), options.MaxRetryAttempts, 0, 10);
        CheckRange(failures, nameof(HttpClientDefaults.RetryDelay), options.RetryDelay, TimeSpan.Zero, MaxRetryDelay);
        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add(
                $"{HttpClientDefaults.SectionName}:TotalTimeout ({options.TotalTimeout}) must not be shorter than " +
                $"{HttpClientDefaults.SectionName}:AttemptTimeout ({options.AttemptTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange<T>(List<string> failures, string setting, T value, T minimum, T maximum)
        where T : IComparable<T>
    {
        if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
        {
            failures.Add(FormattableString.Invariant($"{HttpClientDefaults.SectionName}:{setting} must be between {minimum} and {maximum}."));
        }
    }
}
