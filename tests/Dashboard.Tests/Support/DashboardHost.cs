using Dashboard.Hosting;
using Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Support;

/// <summary>
/// The dashboard started in-process, with real Kestrel listeners on free loopback ports, the way
/// <c>Program</c> starts it. Each test starts its own: a start takes a few tens of milliseconds.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string ApiKey = "test-primary-otlp-key";

    private readonly WebApplication _app;

    private DashboardHost(WebApplication app) => _app = app;

    /// <summary>Every listener on port 0 of 127.0.0.1, the OTLP receivers keyed with <see cref="ApiKey"/>.</summary>
    public static IReadOnlyList<string> DefaultArgs { get; } =
    [
        "--Dashboard:Otlp:GrpcEndpointUrl=http://127.0.0.1:0",
        "--Dashboard:Otlp:HttpEndpointUrl=http://127.0.0.1:0",
        "--Dashboard:Frontend:EndpointUrls=http://127.0.0.1:0",
        $"--Dashboard:Otlp:PrimaryApiKey={ApiKey}",
    ];

    public IServiceProvider Services => _app.Services;

    public TelemetryStore Store => Services.GetRequiredService<TelemetryStore>();

    public Uri OtlpGrpcUrl => Endpoints.UrlOf(DashboardEndpointKind.OtlpGrpc);

    public Uri OtlpHttpUrl => Endpoints.UrlOf(DashboardEndpointKind.OtlpHttp);

    public Uri FrontendUrl => Endpoints.UrlOf(DashboardEndpointKind.Frontend);

    private DashboardEndpoints Endpoints => Services.GetRequiredService<DashboardEndpoints>();

    /// <summary>Builds and starts the dashboard; <paramref name="args"/> replaces <see cref="DefaultArgs"/>.</summary>
    public static async Task<DashboardHost> StartAsync(
        IEnumerable<string>? args = null, Action<WebApplicationBuilder>? configure = null, string? browserToken = BrowserToken)
    {
        var app = Build(args, configure, browserToken);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DashboardHost(app);
    }

    /// <summary>Built, not started: for looking at configuration, or watching the start fail.</summary>
    public static WebApplication Build(
        IEnumerable<string>? args = null, Action<WebApplicationBuilder>? configure = null, string? browserToken = BrowserToken) =>
        DashboardApplication.Build([.. args ?? DefaultArgs, .. browserToken is null ? Array.Empty<string>() : ["--Dashboard:Frontend:BrowserToken=" + browserToken]], configure);

    public const string BrowserToken = "test-browser-token";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
