using System.Net;
using Dashboard.Otlp;
using Dashboard.Tests.Support;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Tests.Otlp;

/// <summary>
/// Exports larger than HTTP/2's flow-control windows and than Kestrel's own 30 MB body limit: the receivers read them
/// whole from the pipe, and only <c>Dashboard:Otlp:MaxRequestBodyBytes</c> decides what is too large.
/// </summary>
public sealed class OtlpLargeExportTests : IAsyncLifetime
{
    private const int Limit = 40 * 1024 * 1024;

    private readonly RecordingIngest _ingest = new();
    private readonly HttpClient _client = GrpcCall.CreateClient();
    private DashboardHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(
            [.. DashboardHost.DefaultArgs, $"--Dashboard:Otlp:MaxRequestBodyBytes={Limit}"],
            builder => builder.Services.AddSingleton<ITelemetryIngest>(_ingest));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_gRPC_message_of_several_flow_control_windows_is_read_whole()
    {
        var request = ManySpans(count: 20_000); // about 3 MB: four times the stream window

        var reply = await GrpcCall.SendAsync(_client, _host.OtlpGrpcUrl, GrpcCall.TracePath, GrpcCall.Frame(request));

        Assert.Equal(0, reply.Status);
        Assert.Equal(20_000, _ingest.Spans.Count);
        Assert.Equal("span 19999", _ingest.Spans[^1].Name);
    }

    [Fact]
    public async Task A_gRPC_message_over_Kestrels_30_MB_default_is_accepted_under_the_configured_limit()
    {
        var request = OtlpRequests.Traces(new string('x', 32 * 1024 * 1024));

        var reply = await GrpcCall.SendAsync(_client, _host.OtlpGrpcUrl, GrpcCall.TracePath, GrpcCall.Frame(request));

        Assert.Equal(0, reply.Status);
        Assert.Equal(32 * 1024 * 1024, _ingest.Spans.Single().Name.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_HTTP_body_over_Kestrels_30_MB_default_is_accepted_under_the_configured_limit(bool chunked)
    {
        var request = OtlpRequests.Traces(new string('x', 32 * 1024 * 1024));

        using var response = await OtlpHttpCall.PostAsync(_host.OtlpHttpUrl, "/v1/traces", request.ToByteArray(), chunked: chunked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_ingest.Spans);
    }

    [Fact]
    public async Task A_large_gzip_message_is_inflated_whole()
    {
        var request = ManySpans(count: 20_000);
        var compressed = OtlpRequests.Gzip(request.ToByteArray());

        var reply = await GrpcCall.SendAsync(_client, _host.OtlpGrpcUrl, GrpcCall.TracePath, GrpcCall.Frame(compressed, flag: 1), grpcEncoding: "gzip");

        Assert.Equal(0, reply.Status);
        Assert.Equal(request, new ExportTraceServiceRequest { ResourceSpans = { _ingest.ResourceSpans } });
    }

    private static ExportTraceServiceRequest ManySpans(int count) =>
        OtlpRequests.Traces([.. Enumerable.Range(0, count).Select(i => $"span {i}")]);
}
