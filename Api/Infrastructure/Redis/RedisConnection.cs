using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Api.Infrastructure.Redis;

/// <summary>
/// The one multiplexer of the Api, created on first use rather than at start so that a Redis
/// that is briefly down delays only what needs it, never the Api's start.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        // Validated non-empty and parseable at start, before anything can ask for a connection.
        _multiplexer = new(() => ConnectAsync(options.Value.Cache!, logger));
    }

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken) =>
        await (await GetDatabaseAsync()).PingAsync().WaitAsync(cancellationToken);

    private static async Task<ConnectionMultiplexer> ConnectAsync(string configuration, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // Keep retrying in the background instead of failing for good when Redis is not up yet.
        options.AbortOnConnectFail = false;

        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        multiplexer.ConnectionFailed += (_, e) =>
            Log.ConnectionFailed(logger, RedisConfiguration.Format(e.EndPoint), e.FailureType.ToString(), e.Exception);
        multiplexer.ConnectionRestored += (_, e) =>
            Log.ConnectionRestored(logger, RedisConfiguration.Format(e.EndPoint));
        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        // A connect still under way at shutdown is simply abandoned with the process.
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await _multiplexer.Value.Result.CloseAsync();
        }
    }
}
