using Anthropic;
using Gateway.Tests.Support;

namespace Gateway.Tests.Sdk;

/// <summary>The official SDK configured as an application would point it at the Gateway: a base URL and a key, nothing else.</summary>
internal static class SdkClient
{
    /// <summary>
    /// No retries unless asked, so each call is one HTTP request and a test sees exactly what the Gateway answered;
    /// <paramref name="recorder"/> sees the requests as the SDK sends them and the responses as it receives them.
    /// </summary>
    public static AnthropicClient Create(Uri baseAddress, SdkRecorder recorder, string apiKey = GatewayProcess.ClientKey, int maxRetries = 0) => new()
    {
        BaseUrl = baseAddress.ToString().TrimEnd('/'),
        ApiKey = apiKey,
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(30),
        Handlers = [recorder],
    };
}
