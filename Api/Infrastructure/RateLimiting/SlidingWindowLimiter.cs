using System.Net;
using Api.Infrastructure.Redis;
using RedisClient;
using StackExchange.Redis;

namespace Api.Infrastructure.RateLimiting;

/// <summary>
/// A sliding-window counter in Redis: this window's count plus the previous window's, weighted by how much of it
/// still overlaps the last <c>window</c>. One script call, so replicas never race; two small keys per client.
/// </summary>
internal sealed class SlidingWindowLimiter(RedisConnection redis, RedisKeyPrefix prefix, TimeProvider time)
{
    // KEYS: 1 current window, 2 previous window. ARGV: 1 limit, 2 window ms, 3 elapsed ms in the current window.
    // Returns 1 when admitted (and counted), 0 when refused.
    private const string Script = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
        local window, elapsed = tonumber(ARGV[2]), tonumber(ARGV[3])
        if previous * (window - elapsed) / window + current >= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], window * 2)
        return 1
        """;

    public async Task<RateLimitDecision> AcquireAsync(string policy, IPAddress? client, IpLimit limit, CancellationToken cancellationToken)
    {
        var windowMs = (long)limit.Window.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var index = nowMs / windowMs;
        var key = prefix.Key($"ratelimit:{policy}:{client?.ToString() ?? "unknown"}:");
        var database = await redis.GetDatabaseAsync(cancellationToken);
        var admitted = (long)await database.ScriptEvaluateAsync(
            Script,
            [key + index, key + (index - 1)],
            [limit.PermitLimit, windowMs, nowMs - index * windowMs]);

        // The earliest a refused client can hope to fit: when the current window ends and the previous one stops counting.
        return new RateLimitDecision(admitted == 1, TimeSpan.FromMilliseconds((index + 1) * windowMs - nowMs));
    }
}

internal readonly record struct RateLimitDecision(bool Admitted, TimeSpan RetryAfter);
