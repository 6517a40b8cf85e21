using Gateway.Features.RateLimiting;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Usage;

/// <summary>
/// Settles an answered request in one atomic script (settle.lua): the token window is corrected from the
/// estimate to the real usage, the cost is added to the month's spend, and the day's ledger row grows.
/// </summary>
internal sealed partial class UsageRecorder(RedisConnection redis, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageRecorder> logger)
{
    private readonly int _retentionSeconds = options.Value.RetentionDays * 86_400;

    public async Task RecordAsync(Settlement settlement)
    {
        var now = time.GetUtcNow();
        var id = settlement.Credential.Id;
        var usage = settlement.Usage;
        RedisKey[] keys = [RedisKeys.TokenWindow(id), RedisKeys.Spend(id, now), RedisKeys.Ledger(id, DateOnly.FromDateTime(now.UtcDateTime))];
        RedisValue[] values =
        [
            settlement.AdmittedSecond,
            usage.Total - settlement.EstimatedTokens,
            settlement.CostNanoUsd,
            settlement.Model,
            usage.InputTokens,
            usage.OutputTokens,
            usage.CacheReadInputTokens,
            usage.CacheCreationInputTokens,
            settlement.Cached ? 1 : 0,
            settlement.Mocked ? 1 : 0,
            _retentionSeconds,
            Admission.WindowSeconds,
        ];
        try
        {
            var database = await redis.GetDatabaseAsync();
            await database.ScriptEvaluateAsync(RedisScripts.Settle, keys, values);
        }
        catch (RedisException e)
        {
            // The answer is out already; losing its row is bad, failing the client for it would be worse.
            LogSettleFailed(logger, e, id, settlement.Model, settlement.CostNanoUsd, usage.InputTokens, usage.OutputTokens);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error,
        Message = "Could not record usage of key {KeyId} for {Model}: {CostNanoUsd} nano-USD, {InputTokens} input and {OutputTokens} output tokens are missing from the ledger")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string keyId, string model, long costNanoUsd, long inputTokens, long outputTokens);
}
