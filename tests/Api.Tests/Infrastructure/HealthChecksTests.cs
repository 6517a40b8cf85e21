using Api.Data;
using Microsoft.Extensions.Hosting;
using Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Api.Tests.Infrastructure;

// Healthy answers need a real PostgreSQL and Redis (the whole-stack tests); here the checks must
// be registered under /health and must turn Unhealthy, not throw or hang, when nothing answers.
public sealed class HealthChecksTests
{
    [Fact]
    public async Task Health_reports_postgres_and_redis_unhealthy_when_nothing_listens()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = $"Host=127.0.0.1;Port={Ports.Closed()};Database=appdb;Username=postgres;Password=unused",
            ["ConnectionStrings:cache"] = $"127.0.0.1:{Ports.Closed()},connectTimeout=500",
        });
        builder.Services.AddLogging();
        builder.AddDatabase().AddRedisClient("cache");
        await using var services = builder.Services.BuildServiceProvider();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["postgres"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["redis"].Status);
        Assert.Equal("Redis did not answer PING.", report.Entries["redis"].Description);
    }

    [Fact]
    public void Redis_endpoints_are_reported_as_host_and_port_with_the_default_port_filled_in()
    {
        var endpoints = RedisClient.RedisConnectionString.Endpoints("cache,10.0.0.7:6380,password=hunter2,ssl=false");

        Assert.Equal(["cache:6379", "10.0.0.7:6380"], endpoints);
    }
}
