using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// The tracer and meter providers, and the logger provider the container built, while OTLP export is on. A type of
/// its own so that a service with export off never loads the OpenTelemetry assemblies (~1 MB resident).
/// </summary>
internal sealed class OtlpProviders(TracerProvider tracers, MeterProvider meters, LoggerProvider? logs) : IDisposable
{
    private const int FlushTimeoutMilliseconds = 5_000;

    public static OtlpProviders Start(OtlpExporterSettings otlp, string applicationName, IServiceProvider services)
    {
        var tracers = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => OtlpResource.Configure(resource, otlp, applicationName))
            .AddSource([.. TelemetryNames.ActivitySources, applicationName])
            .AddOtlpExporter(exporter => OtlpExporterConfigurator.Apply(exporter, otlp, OtlpSignal.Traces))
            .Build();

        var meters = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => OtlpResource.Configure(resource, otlp, applicationName))
            .AddMeter([.. TelemetryNames.Meters, applicationName])
            .AddOtlpExporter((exporter, reader) =>
            {
                OtlpExporterConfigurator.Apply(exporter, otlp, OtlpSignal.Metrics);
                if (otlp.TryGetMetricExportInterval(out var interval))
                {
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }
            })
            .Build();

        // Taken now: when a host is disposed without being stopped first (WebApplicationFactory does),
        // the container is gone by the time StopAsync runs.
        return new OtlpProviders(tracers, meters, services.GetService<LoggerProvider>());
    }

    public void Flush()
    {
        tracers.ForceFlush(FlushTimeoutMilliseconds);
        meters.ForceFlush(FlushTimeoutMilliseconds);

        // The logger provider belongs to the container and is disposed with it, but flushing here
        // gets the shutdown logs out while the collector is surely still listening.
        logs?.ForceFlush(FlushTimeoutMilliseconds);
    }

    public void Dispose()
    {
        tracers.Dispose();
        meters.Dispose();
    }
}
