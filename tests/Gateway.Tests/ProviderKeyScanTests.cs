using System.Net.Http.Json;
using System.Text;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>
/// The provider key is injected on the way out and nowhere else: not in any answer (success, stream, error, admin),
/// not in the process's log output, not in any span, log record or metric the Gateway exports.
/// </summary>
public sealed class ProviderKeyScanTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provider_key_appears_in_no_response_log_or_telemetry()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var upstream = await AnthropicStub.StartAsync();
        await using var otlp = await OtlpCapture.StartAsync();
        var environment = new Dictionary<string, string?>(otlp.Environment)
        {
            ["Logging__LogLevel__Default"] = "Trace",
        };
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, environment);
        using var client = GatewayProcess.Client(gateway);
        var seen = new StringBuilder();

        upstream.Gate("sse:scan").TrySetResult();
        upstream.Gate("broken:scan").TrySetResult();
        foreach (var model in new[] { "json:scan", "sse:scan", "429:scan", "529:scan", "broken:scan" })
        {
            var stream = model.StartsWith("sse", StringComparison.Ordinal) || model.StartsWith("broken", StringComparison.Ordinal);
            await RecordAsync(seen, () => Requests.SendAsync(client, Requests.Body(model, stream: stream)));
        }

        await RecordAsync(seen, () => Requests.SendAsync(client, "{not json"));
        await RecordAsync(seen, () => client.GetAsync("/v1/models", Cancellation));
        using var admin = AdminApi.Client(gateway);
        await RecordAsync(seen, () => admin.PostAsJsonAsync("/admin/keys", new { name = "scan" }, Cancellation));
        await RecordAsync(seen, () => admin.GetAsync("/admin/keys", Cancellation));
        await RecordAsync(seen, () => admin.GetAsync("/admin/usage", Cancellation));
        await WaitForAsync(() => otlp.Contains("traces", "chat json:scan"), "a chat span");
        await WaitForAsync(() => otlp.Exports("logs").Count > 0, "log records");
        await WaitForAsync(() => otlp.Contains("metrics", "gen_ai.client.operation.duration"), "GenAI metrics");

        Assert.Contains("Hello from upstream", seen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.ApiKey, seen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.ApiKey, gateway.Output, StringComparison.Ordinal);
        foreach (var signal in new[] { "traces", "logs", "metrics" })
        {
            Assert.False(otlp.Contains(signal, GatewayProcess.ApiKey), $"the provider key was exported in {signal}: {otlp.Around(signal, GatewayProcess.ApiKey)}");
            // A fragment too: a key split or trimmed on its way into an attribute is still a leak.
            Assert.False(otlp.Contains(signal, GatewayProcess.ApiKey[^16..]), $"part of the provider key was exported in {signal}");
        }
    }

    private static async Task RecordAsync(StringBuilder seen, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        seen.AppendLine(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            seen.AppendLine($"{name}: {string.Join(", ", values)}");
        }

        try
        {
            seen.AppendLine(await response.Content.ReadAsStringAsync(Cancellation));
        }
        catch (HttpRequestException)
        {
            // A stream the Gateway cut short: what arrived before is all there is to scan.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the Gateway's {what} never arrived, so there was nothing to scan");
            await Task.Delay(100, Cancellation);
        }
    }
}
