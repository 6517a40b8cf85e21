namespace Dashboard.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public static WebApplicationBuilder AddTelemetryStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TelemetryStore>();
        return builder;
    }
}
