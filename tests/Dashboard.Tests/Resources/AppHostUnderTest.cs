using Dashboard.Resources;
using Hosting;
using Hosting.Dashboard;
using Hosting.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Resources;

/// <summary>
/// A real AppHost engine in-process (python3's http.server as "web", a shell script as "talker", a secret parameter)
/// with its resource service, and the dashboard's client wired to it through configuration, as the AppHost wires it.
/// </summary>
internal sealed class AppHostUnderTest : IAsyncDisposable
{
    public const string ApiKey = "dashboard-test-key";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _state;

    private AppHostUnderTest(DistributedApplication app, ResourceServiceHost service, string state)
    {
        App = app;
        Service = service;
        _state = state;
    }

    public DistributedApplication App { get; }

    public ResourceServiceHost Service { get; private set; }

    /// <summary>Once this file exists, the talker writes "live-1".</summary>
    public string TalkerMarker => Path.Combine(_state, "talk");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<AppHostUnderTest> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "dashboard-resource-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(state);
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = state,
            ["AppHost:StopTimeout"] = "00:00:02",
            ["Parameters:upstream-key"] = "s3cr3t-Value-42",
        });
        var key = builder.AddParameter("upstream-key", secret: true);
        builder.AddExecutable("web", "python3", state, "-c",
                "import http.server,os; http.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler, port=int(os.environ['PORT']), bind='127.0.0.1')")
            .WithHttpEndpoint(env: "PORT")
            .WithEnvironment("UPSTREAM_CREDENTIAL", key);
        builder.AddExecutable("talker", "/bin/sh", "/", "-c",
            $"echo backlog-1; echo backlog-2 >&2; while [ ! -e '{Path.Combine(state, "talk")}' ]; do sleep 0.05; done; echo live-1; exec sleep 600");
        var app = builder.Build();
        await app.StartAsync(Cancellation).WaitAsync(Timeout, Cancellation);
        var service = await ResourceServiceHost.StartAsync(app.Orchestrator, ApiKey, Cancellation);
        return new AppHostUnderTest(app, service, state);
    }

    /// <summary>Stops the resource service and starts a new one on the same port (an AppHost that went away and came back).</summary>
    public async Task RestartServiceAsync()
    {
        var port = Service.Url.Port;
        await Service.DisposeAsync();
        Service = await ResourceServiceHost.StartAsync(App.Orchestrator, ApiKey, new ResourceServiceSettings(TimeSpan.FromSeconds(15), port), Cancellation);
    }

    /// <summary>The dashboard's client registration, configured as the AppHost configures the dashboard; not started.</summary>
    public WebApplication BuildDashboardServices(string? apiKey = ApiKey) => BuildClientServices(
        $"--{ResourceServiceClientOptions.UrlEnvironmentVariable}={Service.Url}",
        $"--Dashboard:ResourceServiceClient:ApiKey={apiKey}");

    public static WebApplication BuildClientServices(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.AddResourceServiceClient();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await App.StopAsync();
        Directory.Delete(_state, recursive: true);
    }
}

internal static class ServiceProviderExtensions
{
    public static ResourceServiceClient ResourceClient(this WebApplication app) => app.Services.GetRequiredService<ResourceServiceClient>();

    /// <summary>Reads until <paramref name="match"/> holds; the match.</summary>
    public static async Task<T> ReadUntilAsync<T>(this IAsyncEnumerator<T> items, Func<T, bool> match)
    {
        while (true)
        {
            Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(AppHostUnderTest.Timeout, TestContext.Current.CancellationToken), "the stream ended");
            if (match(items.Current))
            {
                return items.Current;
            }
        }
    }
}
