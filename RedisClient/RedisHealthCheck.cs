using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace RedisClient;

/// <summary>Redis is healthy when it answers PING.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken);
            var latency = await database.PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the exception type: StackExchange.Redis messages can echo connection details.
            Log.PingFailed(logger, e.GetType().Name);
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING.");
        }
    }
}
