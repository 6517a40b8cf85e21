namespace Gateway.Features.Messages.Resilience;

/// <summary>Which upstream outcomes are transient, and the short names metrics and spans give them.</summary>
internal static class UpstreamFailures
{
    /// <summary>Worth another attempt: Anthropic documents these as transient (529 is its "overloaded").</summary>
    public static bool IsRetryable(int status) => status is 408 or 409 or 429 or 500 or 502 or 503 or 504 or 529;

    /// <summary>Says the upstream is unwell, as opposed to busy with this caller (429) or this request (408/409).</summary>
    public static bool IsServerFailure(int status) => status is >= 500 and < 600;

    /// <summary>A final answer the mock model replaces when falling back: the provider could not answer, not "your request is wrong".</summary>
    public static bool WarrantsFallback(int status) => status is 408 or 429 || IsServerFailure(status);

    /// <summary>No response came: the connection failed, broke, or the attempt timed out.</summary>
    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;

    /// <summary>What the circuit breaker counts against the upstream: no answer, or a server failure (a 429 is pacing, not failing).</summary>
    public static bool IsCircuitFailure(AttemptOutcome outcome) =>
        outcome.Response is null || IsServerFailure(outcome.Status);

    // Literals, not int.ToString(): no allocation per failed attempt for the codes that matter.
    public static string StatusReason(int status) => status switch
    {
        408 => "408",
        409 => "409",
        429 => "429",
        500 => "500",
        502 => "502",
        503 => "503",
        504 => "504",
        529 => "529",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
