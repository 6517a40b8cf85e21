using RedisClient;
using StackExchange.Redis;

namespace Gateway.Features.Keys;

/// <summary>
/// Tells every replica that a key was revoked, so none goes on admitting it from a lease: this replica at once,
/// the others through Redis pub/sub (<c>gw:revoked</c>) as soon as the message reaches them. A replica that misses
/// the message (its subscription was down) stops within the second anyway, when its lease ends.
/// </summary>
internal sealed partial class KeyRevocations(RedisConnection redis, ILogger<KeyRevocations> logger) : BackgroundService
{
    public static readonly RedisChannel Channel = "gw:revoked";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Raised with the id of a key revoked here or on another replica.</summary>
    public event Action<string>? Revoked;

    /// <summary>Announces a revocation that Redis already holds.</summary>
    public async Task AnnounceAsync(string keyId)
    {
        Revoked?.Invoke(keyId);
        try
        {
            var multiplexer = await redis.GetMultiplexerAsync();
            await multiplexer.GetSubscriber().PublishAsync(Channel, keyId);
        }
        catch (RedisException e)
        {
            // The key is revoked in Redis all the same; the other replicas stop admitting it when their leases end.
            LogAnnounceFailed(logger, e, keyId);
        }
    }

    /// <summary>Subscribes once; the multiplexer subscribes again by itself after a reconnect.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var multiplexer = await redis.GetMultiplexerAsync(stoppingToken);
                await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, keyId) => Revoked?.Invoke(keyId!));
                return;
            }
            catch (RedisException e)
            {
                LogSubscribeFailed(logger, e);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Could not subscribe to key revocations; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Could not announce the revocation of key {KeyId} to other replicas; their leases on it end within a second")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string keyId);
}
