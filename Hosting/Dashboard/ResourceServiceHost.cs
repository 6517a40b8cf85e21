using System.Net;
using Hosting.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hosting.Dashboard;

/// <summary>
/// The resource service inside the AppHost: HTTP/1.1 on 127.0.0.1, a free port, every request authenticated with
/// the dashboard's API key. Dispose it after the application has stopped: open streams end then.
/// </summary>
internal sealed class ResourceServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResourceServiceHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the service answers, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Url { get; }

    public static Task<ResourceServiceHost> StartAsync(Orchestrator orchestrator, string apiKey, CancellationToken cancellationToken) =>
        StartAsync(orchestrator, apiKey, ResourceServiceSettings.Default, cancellationToken);

    internal static async Task<ResourceServiceHost> StartAsync(
        Orchestrator orchestrator, string apiKey, ResourceServiceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);

        // The empty builder reads no appsettings, environment or command line: the AppHost's own configuration
        // (ASPNETCORE_URLS, Kestrel sections, logging levels) must not reconfigure this listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ResourceServiceHost).FullName });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, settings.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.AddProvider(new ResourceLogLoggerProvider(orchestrator.Logs[Orchestrator.AppHostLogName]));
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ResourceServiceJsonContext.Default));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(orchestrator);
        builder.Services.AddSingleton(settings);

        var app = builder.Build();
        app.Use(next => new ApiKeyCheck(next, apiKey).InvokeAsync);
        app.UseRouting();
        app.MapResourceServiceEndpoints();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ResourceServiceHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
