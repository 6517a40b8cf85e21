using Dashboard.Otlp;
using Dashboard.Tests.Support;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Otlp;

/// <summary>Dashboard:Otlp: defaults, Aspire's environment names, turning a receiver off, and refusing to start on bad values.</summary>
public sealed class OtlpOptionsTests
{
    private static readonly string[] FrontendArgs = ["--Dashboard:Frontend:EndpointUrls=http://127.0.0.1:0"];

    [Fact]
    public async Task ApiKey_mode_without_a_key_refuses_to_start_and_names_the_key_and_the_alternative()
    {
        string[] args = [.. FrontendArgs, "--Dashboard:Otlp:GrpcEndpointUrl=http://127.0.0.1:0", "--Dashboard:Otlp:HttpEndpointUrl=http://127.0.0.1:0"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains("Dashboard:Otlp:PrimaryApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Otlp:AuthMode=Unsecured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsecured_mode_needs_no_key_and_takes_exports_without_one()
    {
        var ingest = new RecordingIngest();
        string[] args = [.. FrontendArgs, "--Dashboard:Otlp:AuthMode=Unsecured", "--Dashboard:Otlp:GrpcEndpointUrl=http://127.0.0.1:0", "--Dashboard:Otlp:HttpEndpointUrl=http://127.0.0.1:0"];
        await using var host = await DashboardHost.StartAsync(args, builder => builder.Services.AddSingleton<ITelemetryIngest>(ingest));
        using var client = GrpcCall.CreateClient();

        var grpc = await GrpcCall.SendAsync(client, host.OtlpGrpcUrl, GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), apiKey: null);
        using var http = await OtlpHttpCall.PostAsync(host.OtlpHttpUrl, "/v1/traces", OtlpRequests.Traces("b").ToByteArray(), apiKey: null);

        Assert.Equal(0, grpc.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, http.StatusCode);
        Assert.Equal(["a", "b"], ingest.Spans.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Defaults_are_OTLPs_ports_and_its_recommended_20_MiB()
    {
        await using var app = DashboardHost.Build([.. FrontendArgs, $"--Dashboard:Otlp:PrimaryApiKey={DashboardHost.ApiKey}"]);

        var options = app.Services.GetRequiredService<IOptions<OtlpOptions>>().Value;

        Assert.Equal(OtlpAuthMode.ApiKey, options.AuthMode);
        Assert.Equal("http://localhost:4317", options.GrpcEndpointUrl);
        Assert.Equal("http://localhost:4318", options.HttpEndpointUrl);
        Assert.Equal(20 * 1024 * 1024, options.MaxRequestBodyBytes);
    }

    [Theory]
    [InlineData("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL")]
    [InlineData("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL")]
    public async Task Aspires_environment_names_set_the_endpoints(string grpcName, string httpName)
    {
        // Environment variables and command-line arguments land in the same configuration, so arguments stand in for
        // the environment here without touching the test process's own.
        string[] args = [.. FrontendArgs, $"--Dashboard:Otlp:PrimaryApiKey={DashboardHost.ApiKey}", $"--{grpcName}=http://127.0.0.1:0", $"--{httpName}=http://127.0.0.1:0"];
        await using var host = await DashboardHost.StartAsync(args);

        var options = host.Services.GetRequiredService<IOptions<OtlpOptions>>().Value;

        Assert.Equal("http://127.0.0.1:0", options.GrpcEndpointUrl);
        Assert.Equal("http://127.0.0.1:0", options.HttpEndpointUrl);
        Assert.NotEqual(0, host.OtlpGrpcUrl.Port);
        Assert.NotEqual(0, host.OtlpHttpUrl.Port);
    }

    [Fact]
    public async Task The_Dashboard_Otlp_keys_win_over_Aspires_environment_names()
    {
        await using var app = DashboardHost.Build(
        [
            .. FrontendArgs,
            $"--Dashboard:Otlp:PrimaryApiKey={DashboardHost.ApiKey}",
            "--Dashboard:Otlp:GrpcEndpointUrl=http://127.0.0.1:14317",
            "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:24317",
            "--Dashboard:Otlp:HttpEndpointUrl=",
            "--DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:24318",
        ]);

        var options = app.Services.GetRequiredService<IOptions<OtlpOptions>>().Value;

        Assert.Equal("http://127.0.0.1:14317", options.GrpcEndpointUrl);
        Assert.Equal("", options.HttpEndpointUrl);
    }

    [Fact]
    public async Task An_empty_URL_turns_that_receiver_off()
    {
        string[] args = [.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:HttpEndpointUrl="];
        await using var host = await DashboardHost.StartAsync(args);

        var error = Assert.Throws<InvalidOperationException>(() => host.OtlpHttpUrl);
        Assert.Contains("OtlpHttp", error.Message, StringComparison.Ordinal);
        using var client = GrpcCall.CreateClient();
        var reply = await GrpcCall.SendAsync(client, host.OtlpGrpcUrl, GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")));
        Assert.Equal(0, reply.Status);
    }

    [Theory]
    [InlineData("GrpcEndpointUrl", "https://localhost:4317")]
    [InlineData("GrpcEndpointUrl", "localhost:4317")]
    [InlineData("HttpEndpointUrl", "http://localhost:4318/otlp")]
    public async Task A_URL_that_is_not_plain_http_refuses_to_start_and_names_the_key(string key, string url)
    {
        string[] args = [.. DashboardHost.DefaultArgs, $"--Dashboard:Otlp:{key}={url}"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains($"Dashboard:Otlp:{key}", error.Message, StringComparison.Ordinal);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_receivers_on_one_port_refuse_to_start()
    {
        string[] args = [.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:GrpcEndpointUrl=http://127.0.0.1:14317", "--Dashboard:Otlp:HttpEndpointUrl=http://127.0.0.1:14317"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains("different ports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_limit_below_1_KiB_refuses_to_start_and_names_the_key()
    {
        string[] args = [.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:MaxRequestBodyBytes=10"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(args));

        Assert.Contains("Dashboard:Otlp:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_AuthMode_refuses_to_start_and_names_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DashboardHost.Build([.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:AuthMode=Certificate"]));

        Assert.Contains("Dashboard:Otlp:AuthMode", error.Message, StringComparison.Ordinal);
    }
}
