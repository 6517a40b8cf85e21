using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGatewayClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.BaseUrl) || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), GatewayOptions.InvalidBaseUrlMessage)
            .ValidateOnStart();

        builder.Services.AddHttpClient<GatewayClient>((services, client) =>
            client.BaseAddress = new Uri(services.GetRequiredService<IOptions<GatewayOptions>>().Value.BaseUrl));

        return builder;
    }
}
