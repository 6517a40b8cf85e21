namespace Dashboard.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public static WebApplicationBuilder AddTelemetryStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryLimits>()
            .BindConfiguration(TelemetryLimits.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TelemetryStore>();
        return builder;
    }
}
