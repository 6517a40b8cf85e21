namespace Gateway.Features.Messages.Upstream;

/// <summary>The provider gave no HTTP response at all (refused, reset, timed out) — as opposed to an HTTP error, which is passed through.</summary>
internal sealed class UpstreamUnavailableException(bool timedOut, Exception innerException)
    : Exception(timedOut ? "The upstream provider timed out." : "The upstream provider could not be reached.", innerException)
{
    public bool TimedOut => timedOut;
}
