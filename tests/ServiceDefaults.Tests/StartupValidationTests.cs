using Microsoft.Extensions.Options;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "not a uri")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "/relative/path")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "no-equals-sign")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "soon")]
    [InlineData("HttpClientDefaults:AttemptTimeout", "00:00:00")]
    [InlineData("HttpClientDefaults:MaxRetryAttempts", "50")]
    [InlineData("HttpClientDefaults:MaxRetryAttempts", "-1")]
    [InlineData("HttpClientDefaults:TotalTimeout", "2.00:00:00")]
    [InlineData("HttpClientDefaults:RetryDelay", "00:11:00")]
    public async Task Bad_setting_stops_the_service_at_start_naming_the_key(string key, string value)
    {
        var configuration = new Dictionary<string, string?> { [key] = value };
        if (!key.StartsWith("OTEL_EXPORTER_OTLP_ENDPOINT", StringComparison.Ordinal))
        {
            configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317";
        }

        await using var app = TestApp.Build(configuration);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Total_timeout_shorter_than_attempt_timeout_stops_the_service()
    {
        await using var app = TestApp.Build(new Dictionary<string, string?>
        {
            ["HttpClientDefaults:AttemptTimeout"] = "00:00:10",
            ["HttpClientDefaults:TotalTimeout"] = "00:00:05",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("HttpClientDefaults:TotalTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_http_protobuf_settings_start()
    {
        await using var app = TestApp.Build(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=abc,other=x%3Dy",
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
