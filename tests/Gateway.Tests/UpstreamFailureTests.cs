using TestSupport;
using System.Net;
using System.Net.Sockets;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>When the provider gives no answer the client still gets an Anthropic-shaped error, and the key stays secret.</summary>
public sealed class UpstreamFailureTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unreachable_upstream_is_a_502_api_error()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, new Uri($"http://127.0.0.1:{ClosedPort()}"));
        using var client = GatewayProcess.Client(gateway);

        using var response = await Requests.SendAsync(client, Requests.Body("claude-sonnet-4-5"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("api_error", type);
        Assert.DoesNotContain(GatewayProcess.ApiKey, message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.ApiKey, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upstream_that_does_not_answer_in_time_is_a_504_timeout_error()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var upstream = await AnthropicStub.StartAsync();
        var timeout = new Dictionary<string, string?> { ["Anthropic__TimeoutSeconds"] = "1" };
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, timeout);
        using var client = GatewayProcess.Client(gateway);

        using var response = await Requests.SendAsync(client, Requests.Body("stall:" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("timeout_error", type);
        Assert.DoesNotContain(GatewayProcess.ApiKey, message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.ApiKey, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_covers_the_wait_for_headers_not_a_stream_that_runs_longer()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var upstream = await AnthropicStub.StartAsync();
        var timeout = new Dictionary<string, string?> { ["Anthropic__TimeoutSeconds"] = "1" };
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, timeout);
        using var client = GatewayProcess.Client(gateway);
        var model = "sse:" + Guid.NewGuid().ToString("N");

        using var response = await Requests.SendAsync(client, Requests.Body(model, stream: true));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        Assert.Equal("message_start", (await reader.ReadAsync(Cancellation))?.Name);
        // Deliberately outlast the 1 s timeout mid-stream, as a long answer does.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);
        upstream.Gate(model).SetResult();

        var rest = await reader.ReadToEndAsync(Cancellation);
        Assert.Equal("message_stop", rest[^1].Name);
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
