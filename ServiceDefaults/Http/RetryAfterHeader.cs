namespace ServiceDefaults.Http;

/// <summary>Reads the standard <c>Retry-After</c> header, for any client that retries on a server's word.</summary>
public static class RetryAfterHeader
{
    /// <summary>The wait <c>Retry-After</c> asks for (seconds or an HTTP date, never negative); null when the response has none.</summary>
    public static TimeSpan? WaitOf(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
