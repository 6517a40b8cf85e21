using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>
/// A forwarding Gateway with short retry delays and a 2 s attempt timeout, so retry tests run in
/// seconds. The circuit breaker is set never to open: its own tests start their own Gateway.
/// </summary>
public sealed class ResilienceFixture : IAsyncLifetime
{
    public const int MaxRetryAfterSeconds = 5;

    private RedisServer _redis = null!;

    internal AnthropicStub Upstream { get; private set; } = null!;

    internal ServiceProcess Gateway { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        Upstream = await AnthropicStub.StartAsync();
        Gateway = await GatewayProcess.StartForwardingAsync(_redis, Upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["Resilience__MaxRetries"] = "2",
            ["Resilience__BaseDelayMilliseconds"] = "50",
            ["Resilience__MaxRetryAfterSeconds"] = MaxRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resilience__CircuitBreaker__MinimumThroughput"] = "100000",
            ["Anthropic__TimeoutSeconds"] = "2",
        });
        Client = GatewayProcess.Client(Gateway);
        // A cold Gateway's first call pays for JIT and connection set-up; no test should count that against a timeout.
        using var warmUp = await Requests.SendAsync(Client, Requests.Body("json:warm-up"));
        warmUp.EnsureSuccessStatusCode();
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
