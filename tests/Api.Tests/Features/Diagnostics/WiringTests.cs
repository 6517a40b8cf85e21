using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Features.Diagnostics;
using Api.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Api.Tests.Features.Diagnostics;

public sealed class WiringTests
{
    private static readonly Dictionary<string, string?> Wiring = new()
    {
        ["ConnectionStrings:appdb"] = "Host=db.internal;Port=5433;Database=appdb;Username=app;Password=pg-hunter2",
        ["ConnectionStrings:cache"] = "cache.internal:6380,password=redis-hunter2",
        ["services:gateway:http:0"] = "http://gw-user:gw-hunter2@127.0.0.1:5100",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=otlp-hunter2",
        ["OTEL_SERVICE_NAME"] = "api",
    };

    [Fact]
    public void The_wiring_report_names_each_resource_and_carries_no_password()
    {
        var json = JsonSerializer.Serialize(WiringReport.From(Configuration(Wiring)), JsonSerializerOptions.Web);

        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json);
        var appdb = report.RootElement.GetProperty("connectionStrings").GetProperty("appdb");
        Assert.Equal("db.internal", appdb.GetProperty("host").GetString());
        Assert.Equal(5433, appdb.GetProperty("port").GetInt32());
        Assert.Equal("appdb", appdb.GetProperty("database").GetString());
        Assert.Equal("app", appdb.GetProperty("username").GetString());
        var cache = report.RootElement.GetProperty("connectionStrings").GetProperty("cache");
        Assert.Equal(["cache.internal:6380"], cache.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("http://127.0.0.1:5100/", report.RootElement.GetProperty("services").GetProperty("gateway").GetString());
        Assert.Equal("http://127.0.0.1:4317", report.RootElement.GetProperty("otlpEndpoint").GetString());
        Assert.Equal("api", report.RootElement.GetProperty("serviceName").GetString());
    }

    [Fact]
    public void The_wiring_report_shows_absent_wiring_as_null()
    {
        var report = WiringReport.From(Configuration([]));

        Assert.Equal(new WiringReport(new ConnectionStringsWiring(null, null), new ServicesWiring(null), null, null), report);
    }

    [Fact]
    public async Task The_wiring_endpoint_answers_in_development()
    {
        await using var api = await StartAsync("Development");
        using var client = api.CreateClient();

        var body = await client.GetStringAsync("/api/diagnostics/wiring", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("db.internal", report.RootElement.GetProperty("connectionStrings").GetProperty("appdb").GetProperty("host").GetString());
    }

    [Fact]
    public async Task The_wiring_endpoint_does_not_exist_outside_development()
    {
        await using var api = await StartAsync("Production");
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/diagnostics/wiring", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<TestWebApp> StartAsync(string environment) =>
        TestWebApp.StartAsync(Wiring, _ => { }, app => app.MapDiagnosticsEndpoints(), environment);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
