using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// One pipeline per upstream base URL — retries outside a circuit breaker outside a per-attempt
/// timeout — so one provider's outage never opens another's circuit. Built once and kept: the
/// circuit's state lives in the pipeline.
/// </summary>
internal sealed class UpstreamPipelines(
    IOptions<ResilienceOptions> resilience,
    IOptions<CircuitBreakerOptions> breaker,
    IOptions<AnthropicOptions> anthropic,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILogger<UpstreamPipelines> logger)
{
    public static readonly ResiliencePropertyKey<Activity?> ActivityKey = new("Gateway.ChatActivity");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan AttemptTimeout => TimeSpan.FromSeconds(anthropic.Value.TimeoutSeconds);

    public ResiliencePipeline<HttpResponseMessage> For(string baseUrl) => _pipelines.GetOrAdd(baseUrl, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string baseUrl)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "upstream", InstanceName = baseUrl, TimeProvider = timeProvider };
        if (resilience.Value.MaxRetries > 0)
        {
            builder.AddRetry(RetryOptions(baseUrl));
        }

        return builder
            .AddCircuitBreaker(BreakerOptions(baseUrl))
            .AddTimeout(AttemptTimeout)
            .Build();
    }

    private RetryStrategyOptions<HttpResponseMessage> RetryOptions(string baseUrl)
    {
        var options = resilience.Value;
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return new()
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = TimeSpan.FromMilliseconds(options.BaseDelayMilliseconds),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, maxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Of(response, timeProvider) : null),
            OnRetry = args => OnRetry(args, baseUrl),
        };
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) => outcome.Exception is null
        ? outcome.Result is { } response
            && UpstreamFailures.IsRetryable((int)response.StatusCode)
            // Waiting longer than this would hold the client for nothing it could not do itself.
            && !(RetryAfter.Of(response, timeProvider) > maxRetryAfter)
        : UpstreamFailures.IsTransportFailure(outcome.Exception);

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args, string baseUrl)
    {
        var reason = UpstreamFailures.Reason(args.Outcome);
        // Nobody reads a discarded answer; its connection goes back to the pool now, not at the next GC.
        args.Outcome.Result?.Dispose();
        metrics.Retried(reason);
        Log.RetryingUpstream(logger, baseUrl, reason, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
        if (args.Context.Properties.TryGetValue(ActivityKey, out var activity) && activity is not null)
        {
            activity.AddEvent(new ActivityEvent("gateway.retry", tags: new ActivityTagsCollection
            {
                ["gateway.retry.attempt"] = args.AttemptNumber + 1,
                ["gateway.retry.reason"] = reason,
                ["gateway.retry.delay_ms"] = args.RetryDelay.TotalMilliseconds,
            }));
        }

        return default;
    }

    private CircuitBreakerStrategyOptions<HttpResponseMessage> BreakerOptions(string baseUrl)
    {
        var options = breaker.Value;
        return new()
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = TimeSpan.FromMilliseconds(options.SamplingDurationMilliseconds),
            BreakDuration = TimeSpan.FromMilliseconds(options.BreakDurationMilliseconds),
            // A 429 is the provider pacing this caller, not failing: it must not cut everyone off.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is null
                ? args.Outcome.Result is { } response && UpstreamFailures.IsServerFailure((int)response.StatusCode)
                : UpstreamFailures.IsTransportFailure(args.Outcome.Exception)),
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, baseUrl, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnHalfOpened = _ =>
            {
                Log.CircuitHalfOpened(logger, baseUrl);
                return default;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, baseUrl);
                return default;
            },
        };
    }
}
