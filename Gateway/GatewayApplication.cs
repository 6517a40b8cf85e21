using Gateway.Features;
using Gateway.Features.Messages;
using Gateway.Features.Models;
using Gateway.Infrastructure.Cors;

namespace Gateway;

/// <summary>The Gateway's composition, shared by Program and the tests that host it in-process.</summary>
internal static class GatewayApplication
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddRedisClient("cache");
        builder.AddGatewayCors();
        builder.AddClientKeys();
        builder.AddRateLimits();
        builder.AddUsageLedger();
        builder.AddModelCatalog();
        builder.AddResponseCache();
        builder.AddMessages();
        return builder;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        // Inside the developer exception page, which would otherwise answer Anthropic SDKs with ProblemDetails.
        app.UseExceptionHandler();
        app.UseGatewayCors();
        app.MapDefaultEndpoints();
        app.MapAdminEndpoints();
        app.MapModelsEndpoints();
        app.MapMessagesEndpoints();
        return app;
    }
}
