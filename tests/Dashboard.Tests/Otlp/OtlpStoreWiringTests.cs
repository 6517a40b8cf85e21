using System.Diagnostics;
using Dashboard.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Dashboard.Tests.Otlp;

/// <summary>Without a test stand-in, the receivers feed the dashboard's own telemetry store.</summary>
public sealed class OtlpStoreWiringTests
{
    [Fact]
    public async Task Exported_spans_land_in_the_telemetry_store()
    {
        await using var host = await DashboardHost.StartAsync();
        var name = $"Dashboard.Tests.{Guid.NewGuid():N}";
        using var source = new ActivitySource(name);
        using (Sdk.CreateTracerProviderBuilder()
            .AddSource(name)
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = host.OtlpGrpcUrl;
                exporter.Protocol = OtlpExportProtocol.Grpc;
                exporter.Headers = $"x-otlp-api-key={DashboardHost.ApiKey}";
                exporter.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            using var parent = source.StartActivity("POST /orders");
            using var child = source.StartActivity("INSERT orders");
        }

        Assert.Equal(2, host.Store.Traces.SpanCount);
    }
}
