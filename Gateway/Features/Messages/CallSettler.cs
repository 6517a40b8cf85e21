using Gateway.Features.Caching;
using Gateway.Features.Models;
using Gateway.Features.RateLimiting;
using Gateway.Features.Usage;
using Gateway.Infrastructure;

namespace Gateway.Features.Messages;

/// <summary>
/// What happens once an answer is complete: its cost from the price table, the ledger row and the token-window
/// correction (one Redis script), and, for a complete provider answer the client let us keep, the cache entry.
/// </summary>
internal sealed class CallSettler(UsageRecorder recorder, ResponseCache cache, GatewayMetrics metrics)
{
    public Func<CallOutcome, ValueTask> For(Admitted admitted, CatalogModel model, string? cacheKey) => async outcome =>
    {
        var cost = outcome.Mocked ? 0 : model.Price.NanoUsdFor(outcome.Usage);
        if (cost > 0)
        {
            metrics.Spent(model.Id, cost / 1_000_000_000m);
        }

        metrics.RequestCompleted("messages", outcome.Mocked ? "mock" : "upstream", outcome.StatusCode);
        recorder.Record(new Settlement(
            admitted.Credential, admitted.Admission.AdmittedSecond, admitted.EstimatedTokens, model.Id, outcome.Usage, cost, Cached: false, outcome.Mocked));
        if (cacheKey is not null && outcome is { Succeeded: true, Mocked: false, Cacheable: { } reply })
        {
            await cache.StoreAsync(cacheKey, reply.Body);
        }
    };

    /// <summary>An answer served from the cache cost nothing: the request is counted, its up-front token charge refunded.</summary>
    public Task CachedAsync(Admitted admitted, CatalogModel model)
    {
        metrics.RequestCompleted("messages", "cache", StatusCodes.Status200OK);
        recorder.Record(new Settlement(
            admitted.Credential, admitted.Admission.AdmittedSecond, admitted.EstimatedTokens, model.Id, default, 0, Cached: true, Mocked: false));
        return Task.CompletedTask;
    }
}
