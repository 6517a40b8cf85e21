using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>A Gateway process with an API key, forwarding to an Anthropic stub.</summary>
public sealed class ForwardingFixture : IAsyncLifetime
{
    private RedisServer _redis = null!;

    internal AnthropicStub Upstream { get; private set; } = null!;

    internal ServiceProcess Gateway { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        Upstream = await AnthropicStub.StartAsync();
        // One upstream request per client request, so these tests can count them; retries have their own tests.
        var noRetries = new Dictionary<string, string?> { ["Resilience__MaxRetries"] = "0" };
        Gateway = await GatewayProcess.StartForwardingAsync(_redis, Upstream.BaseAddress, noRetries);
        Client = GatewayProcess.Client(Gateway);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Upstream.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
