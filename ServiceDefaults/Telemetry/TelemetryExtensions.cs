using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;

namespace ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    public static void AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OtlpExporterSettings>()
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((settings, configuration) => settings.ReadFrom(configuration))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<OtlpExporterSettings>, OtlpExporterSettingsValidator>());
        builder.Services.AddHostedService<TelemetryHostedService>();

        // Logging providers are fixed when the container is built, so this one decision is taken
        // here; traces and metrics decide at start from the validated options.
        if (OtlpExporterSettings.Read(builder.Configuration).IsEnabled)
        {
            builder.AddOtlpLogging();
        }
    }

    private static void AddOtlpLogging(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var applicationName = builder.Environment.ApplicationName;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Both callbacks run when the provider is built, so they read configuration as it is then,
        // including sources added after AddServiceDefaults.
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs
            .ConfigureResource(resource =>
                OtlpResource.Configure(resource, OtlpExporterSettings.Read(configuration), applicationName))
            .AddOtlpExporter(exporter =>
                OtlpExporterConfigurator.Apply(exporter, OtlpExporterSettings.Read(configuration), OtlpSignal.Logs)));
    }
}
