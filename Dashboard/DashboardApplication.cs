using Dashboard.Frontend;
using Dashboard.Hosting;
using Dashboard.Otlp;
using Dashboard.Resources;
using Dashboard.Telemetry;

namespace Dashboard;

/// <summary>Builds the dashboard; <c>Program</c> runs it, tests start it in-process on free ports.</summary>
public static class DashboardApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name,
        });
        builder.Services.AddSingleton<DashboardEndpoints>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTelemetryStore();
        builder.AddOtlpReceivers();
        builder.AddResourceServiceClient();
        builder.AddFrontend();
        builder.Services.AddHealthChecks();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapOtlpReceivers();
        app.MapFrontend();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/alive").AllowAnonymous();
        return app;
    }
}
