using Dashboard.Hosting;
using Dashboard.Otlp.Grpc;
using Dashboard.Otlp.Http;
using Dashboard.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Otlp;

/// <summary>The OTLP receivers: gRPC on <c>Dashboard:Otlp:GrpcEndpointUrl</c>, HTTP on <c>Dashboard:Otlp:HttpEndpointUrl</c>.</summary>
public static class OtlpReceiverExtensions
{
    public static WebApplicationBuilder AddOtlpReceivers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OtlpOptions>()
            .BindConfiguration(OtlpOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<OtlpOptions>, OtlpOptionsAliases>();
        builder.Services.AddSingleton<IValidateOptions<OtlpOptions>, OtlpOptionsValidator>();

        // The store (through its journal) unless something registered another ingest first.
        builder.Services.TryAddSingleton<ITelemetryIngest>(services => services.GetRequiredService<TelemetryStore>());
        builder.Services.AddSingleton<OtlpApiKeyValidator>();
        builder.Services.AddSingleton<OtlpGrpcReceiver>();
        builder.Services.AddSingleton<OtlpHttpReceiver>();

        builder.WebHost.ConfigureKestrel((_, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<OtlpOptions>>().Value;
            if (options.GrpcUrl is { } grpc)
            {
                // HTTP/2 only: without TLS there is no ALPN, and OTLP/gRPC clients speak HTTP/2 with prior knowledge (h2c).
                DashboardEndpoint.Listen(kestrel, grpc, DashboardEndpointKind.OtlpGrpc, HttpProtocols.Http2);
            }

            if (options.HttpUrl is { } http)
            {
                // HTTP/1.1: without TLS, Kestrel's Http1AndHttp2 speaks HTTP/1.1 anyway (and warns at every start), and
                // OTLP/HTTP clients fall back to HTTP/1.1 as the specification tells them to.
                DashboardEndpoint.Listen(kestrel, http, DashboardEndpointKind.OtlpHttp, HttpProtocols.Http1);
            }
        });
        return builder;
    }

    /// <summary>Call before anything else adds middleware: the listener gate must see every request first.</summary>
    public static WebApplication MapOtlpReceivers(this WebApplication app)
    {
        app.UseMiddleware<OtlpListenerGate>();
        app.MapOtlpGrpcEndpoints();
        app.MapOtlpHttpEndpoints();
        app.Lifetime.ApplicationStarted.Register(() => LogReceivers(app.Services));
        return app;
    }

    private static void LogReceivers(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OtlpReceiverExtensions).FullName!);
        var options = services.GetRequiredService<IOptions<OtlpOptions>>().Value;
        var endpoints = services.GetRequiredService<DashboardEndpoints>();
        LogReceiver(logger, endpoints, "gRPC", options.GrpcUrl, DashboardEndpointKind.OtlpGrpc, nameof(OtlpOptions.GrpcEndpointUrl));
        LogReceiver(logger, endpoints, "HTTP", options.HttpUrl, DashboardEndpointKind.OtlpHttp, nameof(OtlpOptions.HttpEndpointUrl));
        if (options.AuthMode == OtlpAuthMode.Unsecured)
        {
            Log.ReceiversUnsecured(logger);
        }
    }

    private static void LogReceiver(ILogger logger, DashboardEndpoints endpoints, string transport, Uri? url, DashboardEndpointKind kind, string key)
    {
        if (url is null)
        {
            Log.ReceiverOff(logger, transport, key);
        }
        else
        {
            Log.ReceiverListening(logger, transport, endpoints.UrlOf(kind));
        }
    }
}
