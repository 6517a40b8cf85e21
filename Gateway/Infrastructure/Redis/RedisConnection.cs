using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Infrastructure.Redis;

/// <summary>
/// The one Redis multiplexer of the process, created on first use and never aborting on a failed
/// connect, so the Gateway starts (and reports Redis unhealthy) while Redis is still coming up.
/// </summary>
internal sealed class RedisConnection(IOptions<RedisConnectionOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ConnectionMultiplexer? _multiplexer;

    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is null)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                _multiplexer ??= await ConnectAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        return _multiplexer.GetDatabase();
    }

    private Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Cache!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public void Dispose()
    {
        _multiplexer?.Dispose();
        _gate.Dispose();
    }
}
