using System.Net;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Once an event stream has started nothing is retried: a broken upstream ends in Anthropic's error event, a departed client cancels upstream.</summary>
public sealed class StreamFaultTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly AnthropicStub _upstream = fixture.Upstream;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reset_mid_stream_gives_the_events_already_relayed_then_an_error_event_and_no_retry()
    {
        var model = Model("midreset");

        using var response = await Requests.SendAsync(_client, Requests.Body(model, stream: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        string[] before = ["message_start", "content_block_start", "ping"];
        foreach (var name in before)
        {
            Assert.Equal(name, (await reader.ReadAsync(Cancellation))?.Name);
        }

        _upstream.Gate(model).SetResult();
        var rest = await reader.ReadToEndAsync(Cancellation);

        // The stream ends cleanly (no IOException above), with exactly one error event and no message_stop.
        var error = Assert.Single(rest);
        Assert.Equal("error", error.Name);
        Assert.Equal("error", error.Json.GetProperty("type").GetString());
        Assert.Equal("api_error", error.Json.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Client_that_leaves_mid_stream_cancels_the_upstream_request()
    {
        var model = Model("hold");
        using var client = DispatcherHarness.LeavingClient(fixture.Gateway.BaseAddress);

        var response = await Requests.SendAsync(client, Requests.Body(model, stream: true));
        var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        Assert.Equal("message_start", (await reader.ReadAsync(Cancellation))?.Name);
        Assert.False(_upstream.Aborted(model).IsCompleted);

        reader.Dispose();
        response.Dispose();

        // The stub holds the stream for 60 s unless the Gateway lets go of it.
        await _upstream.Aborted(model).WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Stream_is_relayed_byte_for_byte_with_cache_usage()
    {
        var model = Model("cachedsse");

        using var response = await Requests.SendAsync(_client, Requests.Body(model, stream: true));
        var raw = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(string.Concat(CacheStubMessages.Stream(model)), raw);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";
}
