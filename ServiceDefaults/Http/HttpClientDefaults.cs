using System.ComponentModel.DataAnnotations;

namespace ServiceDefaults.Http;

/// <summary>
/// Resilience applied to every <see cref="HttpClient"/> created through <c>IHttpClientFactory</c>:
/// configuration section <c>HttpClientDefaults</c>, validated when the host starts. Timeouts cover
/// the wait for response headers; a body read afterwards (a server-sent event stream, say) is not cut.
/// </summary>
public sealed class HttpClientDefaults
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HttpClientDefaults";

    // Polly accepts timeouts from 10 ms to 24 h; the same bounds here fail at start, naming the key.
    private const string MinTimeout = "00:00:00.010";
    private const string MaxTimeout = "1.00:00:00";

    /// <summary>How long one attempt may wait for response headers before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), MinTimeout, MaxTimeout, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HttpClientDefaults:AttemptTimeout must be between {1} and {2}.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long all attempts together, delays included, may wait for response headers.</summary>
    [Range(typeof(TimeSpan), MinTimeout, MaxTimeout, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HttpClientDefaults:TotalTimeout must be between {1} and {2}.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    [Range(0, 10, ErrorMessage = "HttpClientDefaults:MaxRetryAttempts must be between {1} and {2}.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones double it, with jitter. A Retry-After header wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HttpClientDefaults:RetryDelay must be between {1} and {2}.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
