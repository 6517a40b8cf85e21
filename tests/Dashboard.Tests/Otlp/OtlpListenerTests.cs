using System.Net;
using Dashboard.Otlp;
using Dashboard.Tests.Support;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Otlp;

/// <summary>Each listener answers its own protocol only: no OTLP on the UI's port, no UI on the OTLP ports.</summary>
public sealed class OtlpListenerTests : IAsyncLifetime
{
    private const string UiProbePath = "/ui-probe";

    private readonly RecordingIngest _ingest = new();
    private readonly HttpClient _h2 = GrpcCall.CreateClient();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DashboardHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(configure: builder =>
        {
            builder.Services.AddSingleton<ITelemetryIngest>(_ingest);
            builder.Services.AddSingleton<IStartupFilter, UiProbe>();
        });

    public async ValueTask DisposeAsync()
    {
        _h2.Dispose();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/v1/metrics")]
    [InlineData("/v1/logs")]
    public async Task OTLP_HTTP_paths_are_404_on_the_frontend_listener(string path)
    {
        using var response = await OtlpHttpCall.PostAsync(_host.FrontendUrl, path, OtlpRequests.Traces("a").ToByteArray());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task OTLP_gRPC_methods_are_404_on_the_frontend_listener()
    {
        using var content = new ByteArrayContent(GrpcCall.Frame(OtlpRequests.Traces("a")));
        content.Headers.ContentType = new("application/grpc");
        content.Headers.Add("x-otlp-api-key", DashboardHost.ApiKey);

        using var response = await _http.PostAsync(new Uri(_host.FrontendUrl, GrpcCall.TracePath), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task OTLP_HTTP_paths_are_404_on_the_gRPC_listener()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.OtlpGrpcUrl, "/v1/traces"))
        {
            Content = new ByteArrayContent(OtlpRequests.Traces("a").ToByteArray()),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new("application/x-protobuf");
        request.Headers.Add("x-otlp-api-key", DashboardHost.ApiKey);

        using var response = await _h2.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task OTLP_gRPC_methods_are_404_on_the_HTTP_listener()
    {
        using var response = await OtlpHttpCall.PostAsync(_host.OtlpHttpUrl, GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), contentType: "application/grpc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Theory]
    [InlineData(UiProbePath)]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/traces")]
    public async Task UI_paths_are_404_on_the_OTLP_listeners(string path)
    {
        using var onHttp = await _http.GetAsync(new Uri(_host.OtlpHttpUrl, path), TestContext.Current.CancellationToken);
        using var onGrpc = await _h2.GetAsync(new Uri(_host.OtlpGrpcUrl, path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, onHttp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onGrpc.StatusCode);
    }

    [Fact]
    public async Task The_UI_stand_in_answers_on_the_frontend_listener()
    {
        // The control for the test above: the request reaches the UI's part of the pipeline on the frontend port
        // (the probe answers, or the UI's login wall does), so the 404s there come from the OTLP listeners' gate.
        using var response = await _http.GetAsync(new Uri(_host.FrontendUrl, UiProbePath), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A stand-in for the UI at the very end of the pipeline: answers 200 to whatever reaches it, on any listener.</summary>
    private sealed class UiProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Response.WriteAsync("ui"));
        };
    }
}
