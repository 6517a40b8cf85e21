using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TestSupport;

namespace Api.Tests.Support;

/// <summary>
/// The whole Api (its own Program), on Kestrel on a loopback port, against the assembly's real PostgreSQL (a
/// fresh database per factory) and Redis (a key prefix per factory, so limits in one test class do not touch another's).
/// </summary>
internal sealed class ApiFactory(
    string databaseConnectionString, string redisConnectionString, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string InstanceName { get; } = $"test-{Guid.NewGuid():N}:";

    public string DatabaseConnectionString => databaseConnectionString;

    public static async Task<ApiFactory> StartAsync(
        PostgresServer postgres, RedisFixture redis, IReadOnlyDictionary<string, string?>? settings = null, string databasePrefix = "api",
        Action<IServiceCollection>? services = null)
    {
        var database = await postgres.CreateDatabaseAsync(databasePrefix, TestContext.Current.CancellationToken);
        var factory = new ApiFactory(database, redis.ConnectionString, settings, services);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = databaseConnectionString,
            ["ConnectionStrings:cache"] = redisConnectionString,
            ["Redis:InstanceName"] = InstanceName,

            // Tests sign up many users from one address; the tests of the limit itself set their own.
            ["RateLimits:Accounts:PermitLimit"] = "10000",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));

        // Test doubles and observers, registered after the Api's own services.
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>
    /// Also closes the Api's idle pooled connections to its database: pools outlive the factory, and a full test run
    /// would otherwise hold enough of them open to meet PostgreSQL's max_connections (100).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>A client of the real server; <c>Timeout</c> is generous because CI machines are slow.</summary>
    public HttpClient CreateHttpClient()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }
}
