using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>Starts the built Gateway as a real process with the environment a test needs.</summary>
internal static class GatewayProcess
{
    public const string ApiKey = "sk-ant-gateway-test-key-0123456789";

    /// <summary>The client key every test client presents; it must never reach the provider (the Gateway does not check it yet).</summary>
    public const string ClientKey = "sk-gw-test-client-key-0123456789abcdef";

    /// <summary>No API key: the mock model answers.</summary>
    public static Task<ServiceProcess> StartMockAsync(RedisServer redis, IReadOnlyDictionary<string, string?>? extra = null) =>
        StartAsync(Environment(redis, apiKey: null, baseUrl: null, extra));

    /// <summary>Forwards to <paramref name="baseUrl"/> with the test API key.</summary>
    public static Task<ServiceProcess> StartForwardingAsync(RedisServer redis, Uri baseUrl, IReadOnlyDictionary<string, string?>? extra = null) =>
        StartAsync(Environment(redis, ApiKey, baseUrl.ToString(), extra));

    public static Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string?> environment) =>
        ServiceProcess.StartAsync(new Projects.Gateway(), environment, cancellationToken: TestContext.Current.CancellationToken);

    public static Dictionary<string, string?> Environment(RedisServer? redis, string? apiKey, string? baseUrl, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis?.ConnectionString,
            ["Anthropic__ApiKey"] = apiKey,
            ["Anthropic__BaseUrl"] = baseUrl,
            // Trace for the HTTP client: the tests prove the key stays out of even the noisiest logs.
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }
}
