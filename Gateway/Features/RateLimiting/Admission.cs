using Gateway.Features.Keys;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.RateLimiting;

/// <summary>
/// Checks a client key and charges it one request and its estimated input tokens, in one Redis round trip
/// (admit.lua): the key's record, both sliding windows and the month's spend are read and written atomically.
/// </summary>
internal sealed class Admission(RedisConnection redis, IOptions<RateLimitOptions> options, TimeProvider time)
{
    public const int WindowSeconds = 60;

    private readonly RateLimitOptions _options = options.Value;

    /// <exception cref="RedisException">Redis could not be asked; the caller answers 503 rather than guess.</exception>
    public async Task<AdmissionResult> AdmitAsync(ClientCredential credential, long estimatedTokens)
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
            Math.Max(0, estimatedTokens),
            preset is null ? "0" : "1",
            Optional(preset?.RequestsPerMinute),
            Optional(preset?.TokensPerMinute),
            Optional(preset?.BudgetNanoUsd),
            _options.DefaultRequestsPerMinute,
            _options.DefaultTokensPerMinute,
            WindowSeconds,
            _options.Enabled ? "1" : "0",
        ];
        var reply = (RedisResult[])(await RedisScripts.Admit.EvaluateAsync(database, keys, values))!;
        return new AdmissionResult(
            (AdmissionStatus)(int)reply[0],
            (long)reply[1],
            (long)reply[2],
            (long)reply[3],
            (long)reply[4],
            (int)reply[5],
            (long)reply[6]);
    }

    private static RedisValue Optional(long? value) => value is { } number ? number : RedisValue.EmptyString;
}
