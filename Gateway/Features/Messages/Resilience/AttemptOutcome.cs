namespace Gateway.Features.Messages.Resilience;

/// <summary>How one upstream attempt ended: a response (of any status), or no response and why.</summary>
internal readonly record struct AttemptOutcome(HttpResponseMessage? Response, Exception? Failure, bool TimedOut)
{
    public static AttemptOutcome Answered(HttpResponseMessage response) => new(response, null, false);

    public static AttemptOutcome Unreachable(Exception failure) => new(null, failure, false);

    public static AttemptOutcome Timeout => new(null, null, true);

    public int Status => Response is { } response ? (int)response.StatusCode : 0;

    /// <summary>The short name metrics, logs and spans give the outcome of a failed attempt.</summary>
    public string Reason => Response is not null ? UpstreamFailures.StatusReason(Status) : TimedOut ? "timeout" : "unreachable";
}
