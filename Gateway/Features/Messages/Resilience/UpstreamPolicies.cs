using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// The rules <see cref="UpstreamSender"/> applies around upstream attempts: retries outside a circuit breaker
/// outside a per-attempt timeout, as the Polly pipeline it replaces did, with one circuit per upstream base URL so
/// one provider's outage never opens another's. Written out rather than built on Polly: building Polly pipelines
/// validates their options by reflection through TypeDescriptor, and Polly's pipelines cost the Gateway about
/// 2.3 MB resident at idle for three small loops (bench/README.md).
/// </summary>
internal sealed class UpstreamPolicies(
    IOptions<ResilienceOptions> resilience,
    IOptions<CircuitBreakerOptions> breaker,
    IOptions<AnthropicOptions> anthropic,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILogger<UpstreamPolicies> logger)
{
    private readonly ConcurrentDictionary<string, UpstreamCircuit> _circuits = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _baseDelay = TimeSpan.FromMilliseconds(resilience.Value.BaseDelayMilliseconds);
    private readonly TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(resilience.Value.MaxRetryAfterSeconds);

    public TimeSpan AttemptTimeout { get; } = TimeSpan.FromSeconds(anthropic.Value.TimeoutSeconds);

    public int MaxRetries { get; } = resilience.Value.MaxRetries;

    public UpstreamCircuit CircuitFor(string baseUrl) =>
        _circuits.GetOrAdd(baseUrl, url => new UpstreamCircuit(breaker.Value, timeProvider, new CircuitLog(logger, url)));

    /// <summary>No answer at all (a failed connection, a timeout), or a transient one that asks for no longer a wait than the Gateway holds a client for.</summary>
    public bool ShouldRetry(AttemptOutcome outcome) => outcome.Response is not { } response
        || (UpstreamFailures.IsRetryable(outcome.Status)
            // Waiting longer than this would hold the client for nothing it could not do itself.
            && !(RetryAfter.Of(response, timeProvider) > _maxRetryAfter));

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (0 for the first): what the provider asked for, else the base
    /// delay doubled per retry, with jitter (between half and one and a half times that) so callers do not retry in step.
    /// </summary>
    public TimeSpan DelayBefore(int retry, AttemptOutcome outcome) =>
        (outcome.Response is { } response ? RetryAfter.Of(response, timeProvider) : null)
        ?? _baseDelay * (Math.Pow(2, retry) * (0.5 + Random.Shared.NextDouble()));

    /// <summary>A failed attempt is retried: its answer is let go, and the retry counted, logged and put on the span.</summary>
    public void Retrying(AttemptOutcome outcome, int retry, TimeSpan delay, string baseUrl, Activity? activity)
    {
        var reason = outcome.Reason;
        // Nobody reads a discarded answer; its connection goes back to the pool now, not at the next GC.
        outcome.Response?.Dispose();
        metrics.Retried(reason);
        Log.RetryingUpstream(logger, baseUrl, reason, retry + 1, delay.TotalMilliseconds);
        activity?.AddEvent(new ActivityEvent("gateway.retry", tags: new ActivityTagsCollection
        {
            ["gateway.retry.attempt"] = retry + 1,
            ["gateway.retry.reason"] = reason,
            ["gateway.retry.delay_ms"] = delay.TotalMilliseconds,
        }));
    }

    private sealed class CircuitLog(ILogger logger, string baseUrl) : ICircuitObserver
    {
        public void Opened(TimeSpan breakDuration) => Log.CircuitOpened(logger, baseUrl, breakDuration.TotalSeconds);

        public void HalfOpened() => Log.CircuitHalfOpened(logger, baseUrl);

        public void Closed() => Log.CircuitClosed(logger, baseUrl);
    }
}
