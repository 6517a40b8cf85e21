using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ServiceDefaults.Http;

/// <summary>
/// Total timeout, then retries, then a per-attempt timeout: the order Microsoft.Extensions.Http.Resilience
/// uses, rebuilt on Polly.Core because that package is not available here. Stateless, so one instance
/// serves every client.
/// </summary>
/// <remarks>
/// Built on the first request that goes through it, not with the handler: a client that drops the default
/// handlers (the Gateway's provider client) then never pays for Polly's pipeline, whose options validation
/// reflects over them through TypeDescriptor (about 1 MB resident, bench/README.md).
/// </remarks>
internal sealed class HttpResiliencePipeline(IOptions<HttpClientDefaults> options, TimeProvider timeProvider, ILogger<HttpResiliencePipeline> logger)
{
    // A property, not a static field: a static of a Polly struct type would load Polly.Core with this type, at start,
    // in a service whose clients never send through the pipeline. The key is a string compared by value.
    public static ResiliencePropertyKey<HttpRequestMessage> RequestKey => new("ServiceDefaults.HttpRequest");

    private ResiliencePipeline<HttpResponseMessage>? _pipeline;

    public ResiliencePipeline<HttpResponseMessage> Pipeline => _pipeline ?? Build();

    // Two requests that race here may both build one; the pipeline is stateless, so either serves.
    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var defaults = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = defaults.TotalTimeout });
        if (defaults.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(defaults, timeProvider, logger));
        }

        return _pipeline = builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = defaults.AttemptTimeout })
            .Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> RetryOptions(
        HttpClientDefaults defaults, TimeProvider timeProvider, ILogger logger) => new()
    {
        MaxRetryAttempts = defaults.MaxRetryAttempts,
        Delay = defaults.RetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(RetryRules.ShouldRetry(
            args.Outcome, Request(args.Context), defaults.TotalTimeout, timeProvider)),
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Result is { } response ? RetryRules.RetryAfter(response, timeProvider) : null),
        OnRetry = args =>
        {
            var request = Request(args.Context);
            var reason = args.Outcome.Exception?.GetType().Name
                ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ?? "unknown";
            Log.Retrying(logger, request?.Method.Method, request?.RequestUri?.Host, reason, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
            return default;
        },
    };

    private static HttpRequestMessage? Request(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;
}
