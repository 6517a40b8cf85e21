using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.Tests.Support;

/// <summary>A real Kestrel app on a free loopback port, built the way a service's Program.cs does.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestApp> StartAsync(
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        bool serviceDefaults = true)
    {
        var app = Build(configuration, configureServices, configureApp, serviceDefaults);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestApp(app, new Uri(address));
    }

    /// <summary>Builds without starting, for tests about what happens at start.</summary>
    public static WebApplication Build(
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        bool serviceDefaults = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The test process may run under an orchestrator that sets this; tests choose for themselves.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        if (serviceDefaults)
        {
            builder.AddServiceDefaults();
        }

        configureServices?.Invoke(builder);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        if (serviceDefaults)
        {
            app.MapDefaultEndpoints();
        }

        configureApp?.Invoke(app);
        return app;
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
