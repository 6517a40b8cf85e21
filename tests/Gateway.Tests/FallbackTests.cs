using System.Net;
using System.Text.Json;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>Fallback:Mode OnError answers a final upstream failure with the mock; Always never calls upstream.</summary>
public sealed class FallbackTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_error_a_failure_after_retries_is_answered_by_the_mock_and_client_errors_pass_through()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var upstream = await AnthropicStub.StartAsync();
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, Settings("OnError"));
        using var client = GatewayProcess.Client(gateway);

        var overloaded = Model("529");
        using (var response = await Requests.SendAsync(client, Requests.Body(overloaded, text: "Where is my answer?")))
        {
            await AssertMockMessageAsync(response, overloaded, "Where is my answer?");
            Assert.Equal(2, upstream.RequestsFor(overloaded).Count);
        }

        var unreachable = Model("reset");
        using (var response = await Requests.SendAsync(client, Requests.Body(unreachable, stream: true)))
        {
            Assert.Equal("mock", Assert.Single(response.Headers.GetValues("x-gateway-fallback")));
            using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
            var events = await reader.ReadToEndAsync(Cancellation);
            Assert.Equal("message_start", events[0].Name);
            Assert.Equal("message_stop", events[^1].Name);
        }

        var wrong = Model("c400");
        using (var response = await Requests.SendAsync(client, Requests.Body(wrong)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(response.Headers.Contains("x-gateway-fallback"));
        }

        var fine = Model("json");
        using (var response = await Requests.SendAsync(client, Requests.Body(fine)))
        {
            Assert.Equal(StubMessages.Message(fine), await response.Content.ReadAsStringAsync(Cancellation));
            Assert.False(response.Headers.Contains("x-gateway-mock"));
        }
    }

    [Fact]
    public async Task Always_answers_with_the_mock_and_never_calls_upstream()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var upstream = await AnthropicStub.StartAsync();
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, Settings("Always"));
        using var client = GatewayProcess.Client(gateway);
        var model = Model("json");

        using var response = await Requests.SendAsync(client, Requests.Body(model, text: "Offline, please."));
        using var count = await client.SendAsync(Requests.Post(CountTokensTests.Body(model), "/v1/messages/count_tokens"), Cancellation);

        await AssertMockMessageAsync(response, model, "Offline, please.");
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal("true", Assert.Single(count.Headers.GetValues("x-gateway-mock")));
        Assert.Empty(upstream.RequestsFor(model));
        Assert.Empty(upstream.CountTokensRequestsFor(model));
    }

    private static async Task AssertMockMessageAsync(HttpResponseMessage response, string model, string userText)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mock", Assert.Single(response.Headers.GetValues("x-gateway-fallback")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("x-gateway-mock")));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal(model, message.GetProperty("model").GetString());
        Assert.Contains(userText, message.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string mode) => new()
    {
        ["Fallback__Mode"] = mode,
        ["Resilience__MaxRetries"] = "1",
        ["Resilience__BaseDelayMilliseconds"] = "20",
    };

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";
}
