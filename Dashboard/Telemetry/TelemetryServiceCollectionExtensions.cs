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
        builder.Services.AddOptions<Persistence.TelemetryStorageOptions>()
            .BindConfiguration(Persistence.TelemetryStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Persistence.TelemetryJournal>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Persistence.TelemetryJournal>());
        builder.Services.AddSingleton<Otlp.ITelemetryIngest, Persistence.JournalingIngest>();
        return builder;
    }
}
