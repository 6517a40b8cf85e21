using System.Globalization;
using StackExchange.Redis;

namespace Gateway.Infrastructure;

/// <summary>
/// Every Redis key the Gateway writes. A client key's keys share the hash tag <c>{id}</c>, so the scripts that
/// touch several of them stay valid on a Redis Cluster (one slot per client key).
/// </summary>
internal static class RedisKeys
{
    public static readonly RedisKey KeyIndex = "gw:keys";

    public static RedisKey Record(string keyId) => $"gw:{{{keyId}}}:key";

    public static RedisKey RequestWindow(string keyId) => $"gw:{{{keyId}}}:rpm";

    public static RedisKey TokenWindow(string keyId) => $"gw:{{{keyId}}}:tpm";

    public static RedisKey Spend(string keyId, DateTimeOffset when) =>
        $"gw:{{{keyId}}}:spend:{when.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    public static RedisKey Ledger(string keyId, DateOnly day) =>
        $"gw:{{{keyId}}}:usage:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static RedisKey CachedResponse(string hash) => $"gw:cache:{hash}";
}
