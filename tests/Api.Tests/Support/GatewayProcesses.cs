using TestSupport;

namespace Api.Tests.Support;

/// <summary>The built Gateway as a real process, with the Api's client key preset as the AppHost declares it.</summary>
internal static class GatewayProcesses
{
    /// <summary>The Api's key for the Gateway (<c>ClientKeys:Preset:api:Key</c>, sent as the Api's <c>Gateway:ApiKey</c>).</summary>
    public const string ApiKey = "sk-gw-api-tests-client-key-0123456789abcdef";

    /// <summary>Never calls upstream: every answer is the Gateway's deterministic mock model.</summary>
    public static Task<ServiceProcess> StartMockAsync(RedisFixture redis) =>
        StartAsync(redis, new() { ["Fallback__Mode"] = "Always" });

    /// <summary>Forwards to <paramref name="upstream"/>, without retries, so a fault reaches the Api at once.</summary>
    public static Task<ServiceProcess> StartForwardingAsync(RedisFixture redis, Uri upstream) =>
        StartAsync(redis, new()
        {
            ["Anthropic__BaseUrl"] = upstream.ToString(),
            ["Anthropic__ApiKey"] = "sk-ant-api-tests-provider-key-0123456789",
            ["Resilience__MaxRetries"] = "0",
        });

    /// <summary>The Api's settings to reach <paramref name="gateway"/> through service discovery, as under the AppHost.</summary>
    public static Dictionary<string, string?> ApiSettings(ServiceProcess? gateway, string apiKey = ApiKey) => new()
    {
        ["Gateway:BaseUrl"] = "https+http://gateway",
        ["services:gateway:http:0"] = gateway?.BaseAddress.ToString() ?? $"http://127.0.0.1:{Ports.Closed()}",
        ["Gateway:ApiKey"] = apiKey,
        ["Gateway:Model"] = "claude-sonnet-4-5",
        // A refused call must reach the test as the Gateway's answer, not after the Api's retries.
        ["HttpClientDefaults:MaxRetryAttempts"] = "0",
    };

    private static Task<ServiceProcess> StartAsync(RedisFixture redis, Dictionary<string, string?> extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["ClientKeys__Preset__api__Key"] = ApiKey,
            ["ClientKeys__Preset__api__RequestsPerMinute"] = "1000000",
            ["ClientKeys__Preset__api__TokensPerMinute"] = "1000000000000",
            ["Admin__ApiKey"] = "api-tests-gateway-admin-key-0123456789abcdef",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync(new Projects.Gateway(), environment, cancellationToken: TestContext.Current.CancellationToken);
    }
}
