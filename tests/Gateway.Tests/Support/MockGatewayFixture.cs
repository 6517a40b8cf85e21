using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>A Gateway process with no API key (mock model answers) and a fake Redis behind it.</summary>
public sealed class MockGatewayFixture : IAsyncLifetime
{
    private RedisServer _redis = null!;

    internal RedisServer Redis => _redis;

    internal ServiceProcess Gateway { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        Gateway = await GatewayProcess.StartMockAsync(_redis);
        Client = GatewayProcess.Client(Gateway);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}
