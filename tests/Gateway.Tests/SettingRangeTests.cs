using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>A setting out of its range stops the Gateway at start, with a message that names the key.</summary>
public sealed class SettingRangeTests
{
    [Theory]
    [InlineData("Resilience__MaxRetries", "11", "Resilience:MaxRetries")]
    [InlineData("Resilience__BaseDelayMilliseconds", "0", "Resilience:BaseDelayMilliseconds")]
    [InlineData("Resilience__MaxRetryAfterSeconds", "-1", "Resilience:MaxRetryAfterSeconds")]
    [InlineData("Resilience__CircuitBreaker__FailureRatio", "0", "Resilience:CircuitBreaker:FailureRatio")]
    [InlineData("Resilience__CircuitBreaker__MinimumThroughput", "1", "Resilience:CircuitBreaker:MinimumThroughput")]
    [InlineData("Resilience__CircuitBreaker__BreakDurationMilliseconds", "100", "Resilience:CircuitBreaker:BreakDurationMilliseconds")]
    [InlineData("Fallback__Mode", "Sometimes", "Fallback:Mode")]
    [InlineData("Fallback__Mode", "7", "Fallback:Mode")]
    [InlineData("Mock__TokensPerSecond", "-5", "Mock:TokensPerSecond")]
    [InlineData("Mock__FirstChunkDelayMilliseconds", "-1", "Mock:FirstChunkDelayMilliseconds")]
    [InlineData("Anthropic__BaseUrl", "", "Anthropic:BaseUrl")]
    [InlineData("Anthropic__TimeoutSeconds", "0", "Anthropic:TimeoutSeconds")]
    [InlineData("Admin__ApiKey", "too-short-for-an-admin-key", "Admin:ApiKey")]
    [InlineData("Messages__MaxRequestBodyBytes", "0", "Messages:MaxRequestBodyBytes")]
    [InlineData("RateLimits__DefaultRequestsPerMinute", "0", "RateLimits:DefaultRequestsPerMinute")]
    [InlineData("RateLimits__DefaultTokensPerMinute", "-1", "RateLimits:DefaultTokensPerMinute")]
    [InlineData("Usage__RetentionDays", "0", "Usage:RetentionDays")]
    [InlineData("Models__DefaultMaxTokens", "0", "Models:DefaultMaxTokens")]
    [InlineData("Cache__TtlSeconds", "0", "Cache:TtlSeconds")]
    [InlineData("Cache__MaxEntryBytes", "0", "Cache:MaxEntryBytes")]
    public async Task Out_of_range_setting_refuses_to_start(string variable, string value, string key)
    {
        var environment = GatewayProcess.Environment(redis: null, apiKey: null, baseUrl: null);
        environment["ConnectionStrings__cache"] = "127.0.0.1:1,abortConnect=false";
        environment[variable] = value;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(environment));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
