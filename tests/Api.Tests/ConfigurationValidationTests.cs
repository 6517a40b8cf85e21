using Api.Data;
using Api.Features.Accounts;
using Api.Features.Chat;
using Api.Infrastructure.Gateway;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Api.Tests;

// Runs the same startup validation the Api runs before migrating: each rule must name its key.
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_appdb_connection_string_is_refused_by_key(string? value)
    {
        var error = Validate(new() { ["ConnectionStrings:appdb"] = value }, b => b.AddDatabase());

        Assert.Contains("ConnectionStrings:appdb is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("Hots=localhost;Database=appdb")]
    [InlineData("Database=appdb;Username=postgres")]
    public void A_malformed_appdb_connection_string_is_refused_by_key(string value)
    {
        var error = Validate(new() { ["ConnectionStrings:appdb"] = value }, b => b.AddDatabase());

        Assert.Contains("ConnectionStrings:appdb is not a valid Npgsql connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_cache_connection_string_is_refused_by_key()
    {
        var error = Validate([], b => b.AddRedisClient("cache"));

        Assert.Contains("ConnectionStrings:cache is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense=1")]
    [InlineData("password=only-a-password")]
    public void A_malformed_cache_connection_string_is_refused_by_key(string value)
    {
        var error = Validate(new() { ["ConnectionStrings:cache"] = value }, b => b.AddRedisClient("cache"));

        Assert.Contains("ConnectionStrings:cache is not a StackExchange.Redis configuration string", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_gateway_base_url_is_refused_by_key()
    {
        var error = Validate(new() { ["Gateway:BaseUrl"] = "gateway/v1" }, b => b.AddGatewayClient());

        Assert.Contains("Gateway:BaseUrl must be an absolute URL", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RateLimits:Accounts:PermitLimit", "0", "RateLimits:Accounts:PermitLimit must be between 1 and 1000000.")]
    [InlineData("RateLimits:Accounts:Window", "00:00:00", "RateLimits:Accounts:Window must be between")]
    public void A_bad_rate_limit_is_refused_by_key(string key, string value, string message)
    {
        var error = Validate(new() { [key] = value }, b => b.AddPerIpRateLimits());

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chat:MaxTokens", "0", "Chat:MaxTokens must be between 1 and 128000.")]
    [InlineData("Chat:ContextMessages", "201", "Chat:ContextMessages must be between 0 and 200.")]
    [InlineData("Chat:ContextCharacters", "-1", "Chat:ContextCharacters must be between 0 and 2000000.")]
    public void A_chat_limit_out_of_range_is_refused_by_key(string key, string value, string message)
    {
        var error = Validate(new() { [key] = value }, b => b.AddChat());

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Accounts:MaxFailedLogins", "0", "Accounts:MaxFailedLogins must be between 1 and 100.")]
    [InlineData("Accounts:SessionLifetime", "00:00:10", "Accounts:SessionLifetime must be between 5 minutes and 365 days.")]
    [InlineData("Accounts:LockoutDuration", "2.00:00:00", "Accounts:LockoutDuration must be between 1 second and 1 day.")]
    public void A_bad_account_setting_is_refused_by_key(string key, string value, string message)
    {
        var error = Validate(new() { [key] = value }, b => b.AddAccounts());

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_redis_instance_name_is_refused_by_key()
    {
        var error = Validate(new() { ["ConnectionStrings:cache"] = "localhost:6379", ["Redis:InstanceName"] = "" }, b => b.AddApiRedis());

        Assert.Contains("Redis:InstanceName must not be empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_configuration_passes_and_the_gateway_defaults_apply()
    {
        using var services = Build(
            new()
            {
                ["ConnectionStrings:appdb"] = "Host=db;Port=5432;Database=appdb;Username=postgres;Password=secret",
                ["ConnectionStrings:cache"] = "cache:6379,password=secret",
            },
            b => b.AddDatabase().AddRedisClient("cache").AddGatewayClient());

        services.GetRequiredService<IStartupValidator>().Validate();
        var gateway = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal("https+http://gateway", gateway.BaseUrl);
        Assert.Equal("claude-sonnet-4-5", gateway.Model);
    }

    private static string Validate(Dictionary<string, string?> configuration, Action<IHostApplicationBuilder> add)
    {
        using var services = Build(configuration, add);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate()).Message;
    }

    private static ServiceProvider Build(Dictionary<string, string?> configuration, Action<IHostApplicationBuilder> add)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        add(builder);
        return builder.Services.BuildServiceProvider();
    }
}
