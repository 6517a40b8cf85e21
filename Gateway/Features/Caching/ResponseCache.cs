using System.Buffers.Binary;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Caching;

/// <summary>An answer found in the cache and how old it is.</summary>
internal sealed record CacheHit(ReadOnlyMemory<byte> Body, TimeSpan Age);

/// <summary>
/// Exact-match cache of complete, successful, non-streaming answers. A Redis outage turns the cache off for
/// that request (a miss, logged) instead of failing it: the cache only ever saves money.
/// </summary>
internal sealed partial class ResponseCache(
    RedisConnection redis, IOptions<ResponseCacheOptions> options, TimeProvider time, ILogger<ResponseCache> logger)
{
    public const string ResultHeader = "x-gateway-cache";

    private readonly ResponseCacheOptions _options = options.Value;

    public bool Enabled => _options.Enabled;

    public string KeyFor(ReadOnlyMemory<byte> body, IHeaderDictionary headers, string clientKeyId) =>
        CacheKey.Compute(body, headers, _options.SharedAcrossKeys ? "shared" : clientKeyId);

    public async Task<CacheHit?> GetAsync(string key)
    {
        try
        {
            var database = await redis.GetDatabaseAsync();
            byte[]? entry = await database.StringGetAsync(RedisKeys.CachedResponse(key));
            if (entry is null || entry.Length < sizeof(long))
            {
                return null;
            }

            var storedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(entry));
            var age = time.GetUtcNow() - storedAt;
            return new CacheHit(entry.AsMemory(sizeof(long)), age < TimeSpan.Zero ? TimeSpan.Zero : age);
        }
        catch (RedisException e)
        {
            LogUnavailable(logger, e);
            return null;
        }
    }

    public async Task StoreAsync(string key, ReadOnlyMemory<byte> body)
    {
        if (body.Length > _options.MaxEntryBytes)
        {
            return;
        }

        var entry = new byte[sizeof(long) + body.Length];
        BinaryPrimitives.WriteInt64BigEndian(entry, time.GetUtcNow().ToUnixTimeMilliseconds());
        body.Span.CopyTo(entry.AsSpan(sizeof(long)));
        try
        {
            var database = await redis.GetDatabaseAsync();
            await database.StringSetAsync(RedisKeys.CachedResponse(key), entry, TimeSpan.FromSeconds(_options.TtlSeconds));
        }
        catch (RedisException e)
        {
            LogUnavailable(logger, e);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "The response cache is unavailable; answering without it")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
