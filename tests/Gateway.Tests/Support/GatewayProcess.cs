using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>Starts the built Gateway as a real process with the environment a test needs.</summary>
internal static class GatewayProcess
{
    public const string ApiKey = "sk-ant-gateway-test-key-0123456789";

    /// <summary>The client key every test client presents: a preset key of the Gateway (ClientKeys:Preset:tests).</summary>
    public const string ClientKey = "sk-gw-test-client-key-0123456789abcdef";

    public const string AdminKey = "gateway-test-admin-key-0123456789abcdef";

    /// <summary>A client of <paramref name="gateway"/> that presents <paramref name="clientKey"/> as <c>x-api-key</c>, as SDKs do.</summary>
    public static HttpClient Client(ServiceProcess gateway, string? clientKey = ClientKey)
    {
        var client = gateway.CreateClient();
        if (clientKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", clientKey);
        }

        return client;
    }

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
            ["ClientKeys__Preset__tests__Key"] = ClientKey,
            // Generous, so that only the tests about limits ever meet one (they issue their own keys).
            ["ClientKeys__Preset__tests__RequestsPerMinute"] = "1000000",
            ["ClientKeys__Preset__tests__TokensPerMinute"] = "1000000000000",
            ["Admin__ApiKey"] = AdminKey,
            // The stub picks its behaviour from the model name (json:…, sse:…), so those names must pass.
            ["Models__AllowUnlisted"] = "true",
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
