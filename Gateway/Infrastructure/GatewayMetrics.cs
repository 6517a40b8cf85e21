using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Features.Usage;

namespace Gateway.Infrastructure;

/// <summary>
/// The Gateway's metrics: the OpenTelemetry GenAI client instruments (named and bucketed as the
/// semantic conventions say) and the Gateway's own counters. The meter is named after the
/// application so the shared telemetry defaults export it without extra wiring.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = GatewayTelemetry.SourceName;

    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
    private static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    private readonly Meter _meter;
    private readonly Histogram<long> _tokenUsage;
    private readonly Histogram<double> _operationDuration;
    private readonly Histogram<double> _timeToFirstChunk;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<double> _cost;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _tokenUsage = _meter.CreateHistogram("gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [.. TokenBuckets.Select(b => (long)b)] });
        _operationDuration = _meter.CreateHistogram("gen_ai.client.operation.duration", "s", "GenAI operation duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _timeToFirstChunk = _meter.CreateHistogram("gen_ai.client.operation.time_to_first_chunk", "s",
            "Time from sending the request to receiving the first chunk of a streamed answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _requests = _meter.CreateCounter<long>("gateway.requests", "{request}", "Requests the Gateway answered, by endpoint, outcome and status.");
        _cacheLookups = _meter.CreateCounter<long>("gateway.cache.lookups", "{lookup}", "Response cache lookups, by result (hit, miss).");
        _rateLimited = _meter.CreateCounter<long>("gateway.rate_limited", "{request}", "Requests refused by a rate limit or budget, by limit.");
        _retries = _meter.CreateCounter<long>("gateway.upstream.retries", "{retry}", "Upstream attempts retried, by the reason of the failed attempt.");
        _fallbacks = _meter.CreateCounter<long>("gateway.fallbacks", "{request}", "Requests answered by the mock model instead of the provider, by reason.");
        _cost = _meter.CreateCounter<double>("gateway.cost", "USD", "Spend computed from the price table, by model.");
    }

    public void RecordUsage(string provider, string requestModel, string? responseModel, TokenUsage usage)
    {
        var tags = GenAiTags(provider, requestModel, responseModel);
        tags.Add("gen_ai.token.type", "input");
        _tokenUsage.Record(usage.InputTokens + usage.CacheReadInputTokens + usage.CacheCreationInputTokens, tags);
        tags[^1] = new("gen_ai.token.type", "output");
        _tokenUsage.Record(usage.OutputTokens, tags);
    }

    public void RecordDuration(string provider, string requestModel, string? responseModel, TimeSpan duration, string? errorType)
    {
        var tags = GenAiTags(provider, requestModel, responseModel);
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _operationDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordTimeToFirstChunk(string provider, string requestModel, TimeSpan elapsed) =>
        _timeToFirstChunk.Record(elapsed.TotalSeconds, GenAiTags(provider, requestModel, null));

    public void RequestCompleted(string endpoint, string outcome, int statusCode) =>
        _requests.Add(1, new("gateway.endpoint", endpoint), new("gateway.outcome", outcome), new("http.response.status_code", statusCode));

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("gateway.cache.result", hit ? "hit" : "miss"));

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("gateway.limit", limit));

    public void Retried(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("gateway.retry.reason", reason));

    public void FellBack(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("gateway.fallback.reason", reason));

    public void Spent(string model, decimal usd) => _cost.Add((double)usd, new KeyValuePair<string, object?>("gen_ai.request.model", model));

    private static TagList GenAiTags(string provider, string requestModel, string? responseModel)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", provider },
            { "gen_ai.request.model", requestModel },
        };
        if (responseModel is not null)
        {
            tags.Add("gen_ai.response.model", responseModel);
        }

        return tags;
    }

    public void Dispose() => _meter.Dispose();
}
