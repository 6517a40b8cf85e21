using Gateway.Features.Messages.Upstream;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

internal static class MessagesExtensions
{
    /// <summary>The Messages API: options, the upstream client and the Gateway's error handling.</summary>
    public static IHostApplicationBuilder AddMessages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>()
            .BindConfiguration(MessagesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AnthropicOptions>()
            .BindConfiguration(AnthropicOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnthropicOptions>, AnthropicOptionsValidator>();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddSingleton<GatewayMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAnthropicHttpClient();
        services.AddSingleton<MessageDispatcher>();
        services.AddSingleton<CallSettler>();
        services.AddWireJson();
        return builder;
    }

    private static void AddAnthropicHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient<AnthropicClient>(ConfigureClient)
            .UseSocketsHttpHandler(ConfigureHandler)
            // The pooled SocketsHttpHandler recycles connections itself; no need to rotate handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The shared defaults add retries and service discovery to every client. Retrying a
            // model call multiplies its cost and cannot replay a half-streamed answer, and the
            // provider is a public URL: this client sends each request exactly once, directly.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .RedactLoggedHeaders(_ => true);
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<AnthropicOptions>>().Value;
        client.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
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
