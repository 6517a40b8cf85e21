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
        // ASP.NET Core starts a server Activity for every request while its hosting logger is on at any level, only
        // to put trace ids in log scopes; that logger writes nothing but request start and finish (Information).
        // Off, a request gets an Activity only when something records spans (OTLP export on): ~20% fewer
        // allocations a request with export off (bench/README.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
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
