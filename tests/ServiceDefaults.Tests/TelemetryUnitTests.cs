using ServiceDefaults.Telemetry;

namespace ServiceDefaults.Tests;

public sealed class TelemetryUnitTests
{
    [Theory]
    [InlineData("http://collector:4318", "Traces", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "Metrics", "http://collector:4318/v1/metrics")]
    [InlineData("https://otel.example/base/", "Logs", "https://otel.example/base/v1/logs")]
    public void Http_protobuf_endpoint_gets_the_signal_path(string endpoint, string signal, string expected) =>
        Assert.Equal(new Uri(expected), OtlpExporterConfigurator.WithSignalPath(new Uri(endpoint), Enum.Parse<OtlpSignal>(signal)));

    [Theory]
    [InlineData("a=1&token=xyz&b=2", "a=1&token=REDACTED&b=2")]
    [InlineData("?Signature=abc", "Signature=REDACTED")]
    [InlineData("plain&flag", "plain&flag")]
    public void Query_credentials_are_redacted(string query, string expected) =>
        Assert.Equal(expected, UrlQueryRedactor.Redact(query));
}
