using Gateway.Features.Keys;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.RateLimiting;

/// <summary>
/// The one Redis round trip of rate limiting (lease.lua): gives back what is left of a replica's lease on a key,
/// checks the key (record, revocation, budget, both sliding windows) and, if the request fits, admits it with a
/// new lease, atomically.
/// </summary>
internal sealed class Admission(RedisConnection redis, IOptions<RateLimitOptions> options, TimeProvider time)
{
    public const int WindowSeconds = 60;

    /// <summary>A lease takes at most this fraction of what a key has left, so replicas share what remains.</summary>
    public const int ShareDivisor = 8;

    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Admits one request of <paramref name="estimatedTokens"/> and leases what <paramref name="ask"/> asks for beyond it.</summary>
    /// <exception cref="RedisException">Redis could not be asked; the caller answers 503 rather than guess.</exception>
    public async Task<LeaseGrant> TakeAsync(ClientCredential credential, long estimatedTokens, LeaseAsk ask)
    {
        var reply = (RedisResult[])(await EvaluateAsync(credential, Math.Max(0, estimatedTokens), ask, take: true))!;
        var result = new AdmissionResult(
            (AdmissionStatus)(int)reply[0],
            (long)reply[1],
            (long)reply[2],
            (long)reply[3],
            (long)reply[4],
            (int)reply[5],
            (long)reply[6]);
        return new LeaseGrant(result, (long)reply[7], (long)reply[8], (int)reply[9], (long)reply[10]);
    }

    /// <summary>Gives back the unused part of a lease that ended with no request to take the next one.</summary>
    public Task GiveBackAsync(ClientCredential credential, Leftover leftover) =>
        EvaluateAsync(credential, 0, new LeaseAsk(leftover, 0, 0), take: false);

    private async Task<RedisResult> EvaluateAsync(ClientCredential credential, long estimatedTokens, LeaseAsk ask, bool take)
    {
        var database = await redis.GetDatabaseAsync();
        var preset = credential.Preset?.Limits;
        RedisKey[] keys =
        [
            RedisKeys.Record(credential.Id),
            RedisKeys.RequestWindow(credential.Id),
            RedisKeys.TokenWindow(credential.Id),
            RedisKeys.Spend(credential.Id, time.GetUtcNow()),
        ];
        RedisValue[] values =
        [
            credential.Hash,
            estimatedTokens,
            preset is null ? "0" : "1",
            Optional(preset?.RequestsPerMinute),
            Optional(preset?.TokensPerMinute),
            Optional(preset?.BudgetNanoUsd),
            _options.DefaultRequestsPerMinute,
            _options.DefaultTokensPerMinute,
            WindowSeconds,
            _options.Enabled ? "1" : "0",
            ask.Returned.Second,
            ask.Returned.Requests,
            ask.Returned.Tokens,
            take ? "1" : "0",
            ask.FurtherRequests,
            ask.FurtherTokens,
            ShareDivisor,
        ];
        return await RedisScripts.Lease.EvaluateAsync(database, keys, values);
    }

    private static RedisValue Optional(long? value) => value is { } number ? number : RedisValue.EmptyString;
}
