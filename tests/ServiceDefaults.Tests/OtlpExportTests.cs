using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    private const string ApiKey = "abc-123";

    [Fact]
    public async Task Http_protobuf_export_reaches_the_collector_with_header_resource_and_semantic_conventions()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: false);
        var work = ActivityTraceId.CreateRandom();
        var health = ActivityTraceId.CreateRandom();
        var app = await StartInstrumentedAppAsync(receiver, "http/protobuf");
        var applicationName = app.App.Environment.ApplicationName;
        using (var client = app.CreateClient())
        {
            await SendAsync(client, "/work/5", W3C.SampledTraceParent(work));
            await SendAsync(client, "/health", W3C.SampledTraceParent(health));
        }

        // Stopping flushes traces and metrics, disposing the container flushes logs: no waiting.
        await app.DisposeAsync();

        var traces = await receiver.WaitForAsync(e => e.Path == "/v1/traces" && e.Contains(TraceIdBytes(work)));
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Equal(ApiKey, traces.ApiKey);
        Assert.True(traces.Contains("GET /work/{id}"), "server span named after its route");
        Assert.True(traces.Contains("http.route"));
        Assert.True(traces.Contains("url.path"));
        Assert.True(traces.Contains("app-work"), "span from the ActivitySource named after the application");
        Assert.True(traces.Contains("otlp-test-service"), "OTEL_SERVICE_NAME as service.name");
        Assert.True(traces.Contains("otlp-test-env"), "OTEL_RESOURCE_ATTRIBUTES on the resource");
        Assert.DoesNotContain(receiver.Exports, e => e.Path == "/v1/traces" && e.Contains(TraceIdBytes(health)));

        var metrics = await receiver.WaitForAsync(e => e.Path == "/v1/metrics" && e.Contains("app.work.items"));
        Assert.Equal(ApiKey, metrics.ApiKey);
        Assert.True(metrics.Contains(applicationName), "meter named after the application");

        var logs = await receiver.WaitForAsync(e => e.Path == "/v1/logs" && e.Contains("Did the work for 5"));
        Assert.Equal(ApiKey, logs.ApiKey);
        Assert.Equal("application/x-protobuf", logs.ContentType);
    }

    [Fact]
    public async Task Grpc_is_the_default_protocol()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        var work = ActivityTraceId.CreateRandom();
        var app = await StartInstrumentedAppAsync(receiver, protocol: null);
        using (var client = app.CreateClient())
        {
            await SendAsync(client, "/work/6", W3C.SampledTraceParent(work));
        }

        await app.DisposeAsync();

        var traces = await receiver.WaitForAsync(e =>
            e.Path == "/opentelemetry.proto.collector.trace.v1.TraceService/Export" && e.Contains(TraceIdBytes(work)));
        Assert.Equal("application/grpc", traces.ContentType);
        Assert.Equal("HTTP/2", traces.Protocol);
        Assert.Equal(ApiKey, traces.ApiKey);
    }

    private static async Task<TestApp> StartInstrumentedAppAsync(OtlpReceiver receiver, string? protocol)
    {
        ActivitySource? source = null;
        Meter? meter = null;
        return await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.BaseAddress.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
                ["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={ApiKey}",
                ["OTEL_SERVICE_NAME"] = "otlp-test-service",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=otlp-test-env",
            },
            configureServices: builder =>
            {
                // What a service does: a source and a meter named after its own assembly.
                source = new ActivitySource(builder.Environment.ApplicationName);
                meter = new Meter(builder.Environment.ApplicationName);
            },
            configureApp: app =>
            {
                var counter = meter!.CreateCounter<long>("app.work.items");
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Work");
                app.MapGet("/work/{id}", (int id) =>
                {
                    using var activity = source!.StartActivity("app-work");
                    counter.Add(1);
                    logger.LogInformation("Did the work for {Id}", id);
                    return id;
                });
            });
    }

    private static async Task SendAsync(HttpClient client, string path, string traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", traceParent);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static byte[] TraceIdBytes(ActivityTraceId traceId)
    {
        var bytes = new byte[16];
        traceId.CopyTo(bytes);
        return bytes;
    }
}
