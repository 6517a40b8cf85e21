using System.Text.Json;
using Api.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RedisClient;
using StackExchange.Redis;

namespace Api.Features.Realtime;

/// <summary>
/// Publishes project changes to every replica's connected clients through Redis pub/sub. One script numbers the
/// event, keeps it for resuming clients and publishes it, so ids and the order clients see always agree.
/// </summary>
public sealed class ProjectEvents(
    RedisConnection redis,
    IConfiguration configuration,
    IOptions<JsonOptions> json,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<ProjectEvents> logger)
{
    private const string PublishScript = """
        local id = redis.call('INCR', KEYS[1])
        local payload = '{"id":' .. id .. ',' .. ARGV[1]
        if tonumber(ARGV[2]) > 0 then
          redis.call('RPUSH', KEYS[2], payload)
          redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
          redis.call('EXPIRE', KEYS[2], 86400)
        end
        redis.call('PUBLISH', KEYS[3], payload)
        return id
        """;

    private readonly RedisEventKeys _keys = new(configuration);

    /// <summary>
    /// Sends <paramref name="projectEvent"/> to the project's streams on every replica. Call it after the change is
    /// committed. Best effort: if Redis is unreachable the change stands and the failure is logged, not thrown.
    /// </summary>
    public async Task PublishAsync(Guid projectId, ProjectEvent projectEvent, CancellationToken cancellationToken = default)
    {
        var envelope = new { type = projectEvent.Type, projectId, occurredAt = Timestamps.Now(time), data = projectEvent.Data };
        var body = JsonSerializer.Serialize(envelope, json.Value.SerializerOptions)[1..];
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken);
            await database.ScriptEvaluateAsync(
                PublishScript,
                [_keys.Sequence(projectId), _keys.Recent(projectId), _keys.Channel(projectId)],
                [body, options.Value.ReplayCount]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or OperationCanceledException)
        {
            Log.PublishFailed(logger, projectEvent.Type, projectId, exception);
        }
    }

    /// <summary>Live events of one project, from now on, until the subscription is disposed; throws while Redis is unreachable.</summary>
    public async Task<ProjectEventSubscription> SubscribeAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var multiplexer = await redis.GetMultiplexerAsync(cancellationToken);
        // A subscription on a disconnected multiplexer "succeeds" (it is replayed on reconnect), which would give the
        // client a healthy-looking stream that carries nothing; refuse instead, so the client knows and retries.
        if (!multiplexer.IsConnected)
        {
            throw new EventBusUnavailableException();
        }

        var subscription = new ProjectEventSubscription(multiplexer.GetSubscriber(), _keys.Channel(projectId));
        await subscription.StartAsync();
        return subscription;
    }

    /// <summary>The events kept for resuming clients, oldest first.</summary>
    public async Task<IReadOnlyList<string>> RecentAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var database = await redis.GetDatabaseAsync(cancellationToken);
        var values = await database.ListRangeAsync(_keys.Recent(projectId));
        return [.. values.Select(v => (string)v!)];
    }
}
