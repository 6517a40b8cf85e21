using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Owns the OTLP providers: OpenTelemetry.Extensions.Hosting is not available here, so this does its
/// job. Built at start (after options validation, before Kestrel, which WebApplication starts last)
/// and flushed at stop (after Kestrel stopped, so the last requests are exported).
/// </summary>
internal sealed class TelemetryHostedService(
    IOptions<OtlpExporterSettings> settings,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<TelemetryHostedService> logger) : IHostedService, IDisposable
{
    private OtlpProviders? _providers;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var otlp = settings.Value;
        if (!otlp.IsEnabled)
        {
            Log.ExportDisabled(logger, OtlpExporterSettings.EndpointKey);
            return Task.CompletedTask;
        }

        _providers = OtlpProviders.Start(otlp, environment.ApplicationName, services);
        otlp.TryGetEndpoint(out var endpoint);
        Log.ExportEnabled(
            logger,
            endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
            otlp.Protocol ?? OtlpExporterSettings.GrpcProtocol);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _providers?.Flush();
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _providers?.Dispose();
        _providers = null;
    }
}
