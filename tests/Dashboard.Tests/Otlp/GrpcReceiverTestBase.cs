using Dashboard.Otlp;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Otlp;

/// <summary>A dashboard whose OTLP/gRPC receiver feeds a recorder, with a secondary key and a 4 KiB limit, and a client for hand-made calls.</summary>
public abstract class GrpcReceiverTestBase : IAsyncLifetime
{
    private readonly HttpClient _client = GrpcCall.CreateClient();
    private DashboardHost _host = null!;

    protected const int Limit = 4096;

    internal RecordingIngest Ingest { get; } = new();

    internal CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(
            [.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:SecondaryApiKey=second-key", $"--Dashboard:Otlp:MaxRequestBodyBytes={Limit}"],
            builder =>
            {
                builder.Services.AddSingleton<ITelemetryIngest>(Ingest);
                builder.Logging.AddProvider(Logs);
            });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    internal static string PathOf(string signal) => signal switch
    {
        "traces" => "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
        "metrics" => "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export",
        _ => "/opentelemetry.proto.collector.logs.v1.LogsService/Export",
    };

    internal Task<GrpcReply> SendAsync(string path, byte[] body, string? apiKey = DashboardHost.ApiKey, string contentType = "application/grpc", string? grpcEncoding = null) =>
        GrpcCall.SendAsync(_client, _host.OtlpGrpcUrl, path, body, apiKey, contentType, grpcEncoding);
}
