using Gateway.Features.Messages.Mock;
using Gateway.Features.Messages.Resilience;
using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

internal static class MessagesExtensions
{
    /// <summary>The Messages API: options, the upstream client with its resilience, the mock model and the Gateway's error handling.</summary>
    public static IHostApplicationBuilder AddMessages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.SectionName).ValidatedOnStart<MessagesOptions, ValidateMessagesOptions>();
        services.AddOptions<AnthropicOptions>().BindConfiguration(AnthropicOptions.SectionName).ValidatedOnStart<AnthropicOptions, ValidateAnthropicOptions>();
        services.AddSingleton<IValidateOptions<AnthropicOptions>, AnthropicOptionsValidator>();
        services.AddOptions<ResilienceOptions>().BindConfiguration(ResilienceOptions.SectionName).ValidatedOnStart<ResilienceOptions, ValidateResilienceOptions>();
        services.AddOptions<CircuitBreakerOptions>().BindConfiguration(CircuitBreakerOptions.SectionName).ValidatedOnStart<CircuitBreakerOptions, ValidateCircuitBreakerOptions>();
        services.AddOptions<FallbackOptions>().BindConfiguration(FallbackOptions.SectionName).ValidatedOnStart<FallbackOptions, ValidateFallbackOptions>();
        services.AddOptions<MockOptions>().BindConfiguration(MockOptions.SectionName).ValidatedOnStart<MockOptions, ValidateMockOptions>();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddSingleton<GatewayMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAnthropicHttpClient();
        services.AddSingleton<UpstreamPolicies>();
        services.AddSingleton<UpstreamSender>();
        services.AddSingleton<MessageDispatcher>();
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<CallSettler>();
        services.AddWireJson();
        return builder;
    }

    private static void AddAnthropicHttpClient(this IServiceCollection services)
    {
        // A named client held by one AnthropicClient, not a typed client: the typed-client factory builds its
        // activator from expression trees, which costs the Gateway System.Linq.Expressions in memory (bench/README.md).
        services.AddSingleton(services => new AnthropicClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(AnthropicClient.HttpClientName),
            services.GetRequiredService<IOptions<AnthropicOptions>>()));
        services.AddHttpClient(AnthropicClient.HttpClientName, ConfigureClient)
            .UseSocketsHttpHandler(ConfigureHandler)
            // The pooled SocketsHttpHandler recycles connections itself; no need to rotate handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The shared defaults add retries and service discovery to every client. This client's
            // retries are the Gateway's own (UpstreamSender: only before the client is sent a byte,
            // with the provider's retry-after and a circuit breaker), and the provider is a public
            // URL: each SendAsync here is exactly one attempt, sent directly.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            // No HTTP client logging at all: its Trace records carry every request header as a structured
            // attribute, the provider key included, even where the message text is redacted (ProviderKeyScanTests).
            .RemoveAllLoggers();
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        // The per-attempt timeout is the resilience pipeline's, where a timed-out attempt can be retried.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static void ConfigureHandler(SocketsHttpHandler handler, IServiceProvider services)
    {
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        handler.ConnectTimeout = TimeSpan.FromSeconds(10);
        handler.AllowAutoRedirect = false;
        handler.AutomaticDecompression = System.Net.DecompressionMethods.None;
        handler.EnableMultipleHttp2Connections = true;
    }
}
