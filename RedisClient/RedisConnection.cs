using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RedisClient;

/// <summary>
/// The process's one Redis multiplexer, created on first use and never aborting on a failed connect, so that a
/// service starts (and reports Redis unhealthy) while Redis is still coming up, and reconnects by itself.
/// </summary>
public sealed class RedisConnection(IOptions<RedisClientSettings> settings, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ConnectionMultiplexer? _multiplexer;

    /// <summary>The multiplexer, connecting on first use.</summary>
    public async Task<ConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken = default)
    {
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _multiplexer ??= await ConnectAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the multiplexer exists and holds a live connection (no I/O: for a decision on every request).</summary>
    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>The default database.</summary>
    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken = default) =>
        (await GetMultiplexerAsync(cancellationToken)).GetDatabase();

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(settings.Value.ConnectionString!);
        options.AbortOnConnectFail = false;
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        // 1.x completes every reply on one ordered queue unless told otherwise: under load, each caller then waits for
        // all earlier callers' continuations. Nothing here depends on that order (2.x dropped the option for this reason).
#pragma warning disable CS0618
        multiplexer.PreserveAsyncOrder = false;
#pragma warning restore CS0618
        multiplexer.ConnectionFailed += (_, e) => Log.ConnectionFailed(logger, RedisConnectionString.Format(e.EndPoint), e.FailureType.ToString());
        multiplexer.ConnectionRestored += (_, e) => Log.ConnectionRestored(logger, RedisConnectionString.Format(e.EndPoint));
        return multiplexer;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.CloseAsync();
            multiplexer.Dispose();
        }

        _gate.Dispose();
    }
}
