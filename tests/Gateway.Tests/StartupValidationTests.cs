using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Bad configuration stops the Gateway at start, with a message that names the key to fix.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task Missing_redis_connection_string_refuses_to_start()
    {
        var environment = GatewayProcess.Environment(redis: null, apiKey: null, baseUrl: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(environment));

        Assert.Contains("ConnectionStrings:cache", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparseable_redis_connection_string_refuses_to_start()
    {
        var environment = GatewayProcess.Environment(redis: null, apiKey: null, baseUrl: null);
        environment["ConnectionStrings__cache"] = "127.0.0.1:6379,password=s3cret-pw,nosuchoption=1";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(environment));

        Assert.Contains("ConnectionStrings:cache", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://api.anthropic.com")]
    public async Task Base_url_that_is_not_absolute_http_refuses_to_start(string baseUrl)
    {
        var environment = GatewayProcess.Environment(redis: null, apiKey: GatewayProcess.ApiKey, baseUrl: baseUrl);
        environment["ConnectionStrings__cache"] = "127.0.0.1:1,abortConnect=false";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(environment));

        Assert.Contains("Anthropic:BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.ApiKey, error.Message, StringComparison.Ordinal);
    }
}
