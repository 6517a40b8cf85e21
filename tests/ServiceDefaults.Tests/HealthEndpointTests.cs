using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Healthy_service_answers_200_with_the_self_check(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(Checks(body), check => check is ("self", "Healthy"));
    }

    [Fact]
    public async Task Failing_readiness_check_makes_health_503_while_alive_stays_200()
    {
        await using var app = await TestApp.StartAsync(configureServices: builder =>
            builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("secret connection string")));
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        using var alive = await client.GetAsync("/alive", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var healthBody = await ReadAsync(health);
        Assert.Equal("Unhealthy", healthBody.GetProperty("status").GetString());
        Assert.Contains(Checks(healthBody), check => check is ("database", "Unhealthy"));
        Assert.DoesNotContain("secret connection string", healthBody.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.DoesNotContain(Checks(await ReadAsync(alive)), check => check.Name == "database");
    }

    [Fact]
    public async Task Degraded_check_makes_health_503()
    {
        await using var app = await TestApp.StartAsync(configureServices: builder =>
            builder.Services.AddHealthChecks().AddCheck("cache", () => HealthCheckResult.Degraded()));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Calling_AddServiceDefaults_twice_keeps_health_working()
    {
        await using var app = await TestApp.StartAsync(configureServices: builder => builder.AddServiceDefaults());
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    private static List<(string? Name, string? Status)> Checks(JsonElement body) =>
        [.. body.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString()))];
}
