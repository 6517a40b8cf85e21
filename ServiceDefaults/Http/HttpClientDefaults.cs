namespace ServiceDefaults.Http;

/// <summary>
/// Resilience applied to every <see cref="HttpClient"/> created through <c>IHttpClientFactory</c>:
/// configuration section <c>HttpClientDefaults</c>, validated when the host starts (<see cref="HttpClientDefaultsValidator"/>).
/// Timeouts cover the wait for response headers; a body read afterwards (a server-sent event stream, say) is not cut.
/// </summary>
public sealed class HttpClientDefaults
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HttpClientDefaults";

    /// <summary>How long one attempt may wait for response headers before it is abandoned and retried (10 ms to 24 h).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long all attempts together, delays included, may wait for response headers (10 ms to 24 h).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (0 to 10); 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay (0 to 10 minutes); later ones double it, with jitter. A Retry-After header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
