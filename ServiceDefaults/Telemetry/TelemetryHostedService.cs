using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Owns the tracer and meter providers: OpenTelemetry.Extensions.Hosting is not available here, so
/// this does its job. Built at start (after options validation, before Kestrel, which WebApplication
/// starts last) and flushed at stop (after Kestrel stopped, so the last requests are exported).
/// </summary>
internal sealed class TelemetryHostedService(
    IOptions<OtlpExporterSettings> settings,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<TelemetryHostedService> logger) : IHostedService, IDisposable
{
    private const int FlushTimeoutMilliseconds = 5_000;

    private TracerProvider? _tracerProvider;
    private MeterProvider? _meterProvider;
    private LoggerProvider? _loggerProvider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var otlp = settings.Value;

        // Taken now: when a host is disposed without being stopped first (WebApplicationFactory does),
        // the container is gone by the time StopAsync runs.
        _loggerProvider = services.GetService<LoggerProvider>();
        if (!otlp.IsEnabled)
        {
            Log.ExportDisabled(logger, OtlpExporterSettings.EndpointKey);
            return Task.CompletedTask;
        }

        var applicationName = environment.ApplicationName;
        _tracerProvider = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => OtlpResource.Configure(resource, otlp, applicationName))
            .AddSource([.. TelemetryNames.ActivitySources, applicationName])
            .AddOtlpExporter(exporter => OtlpExporterConfigurator.Apply(exporter, otlp, OtlpSignal.Traces))
            .Build();

        _meterProvider = Sdk.CreateMeterProviderBuilder()
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

        otlp.TryGetEndpoint(out var endpoint);
        Log.ExportEnabled(
            logger,
            endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
            otlp.Protocol ?? OtlpExporterSettings.GrpcProtocol);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        _meterProvider?.ForceFlush(FlushTimeoutMilliseconds);

        // The logger provider belongs to the container and is disposed with it, but flushing here
        // gets the shutdown logs out while the collector is surely still listening.
        _loggerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracerProvider?.Dispose();
        _tracerProvider = null;
        _meterProvider?.Dispose();
        _meterProvider = null;
    }
}
