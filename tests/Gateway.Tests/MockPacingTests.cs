using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>Mock:FirstChunkDelayMilliseconds and Mock:TokensPerSecond make the mock answer at a model's pace.</summary>
public sealed class MockPacingTests(MockPacingTests.PacedMockFixture fixture) : IClassFixture<MockPacingTests.PacedMockFixture>
{
    private const int FirstChunkMs = 400;
    private const int TokensPerSecond = 40;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_waits_for_the_first_chunk_then_spreads_deltas_at_the_token_rate()
    {
        var watch = Stopwatch.StartNew();
        using var response = await Requests.SendAsync(fixture.Client, Requests.Body("paced", stream: true));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        var arrivals = new List<(SseEvent Event, TimeSpan At)>();
        while (await reader.ReadAsync(Cancellation) is { } next)
        {
            arrivals.Add((next, watch.Elapsed));
        }

        Assert.Equal("true", Assert.Single(response.Headers.GetValues("x-gateway-mock")));
        Assert.True(arrivals[0].At >= TimeSpan.FromMilliseconds(FirstChunkMs), $"first event after {arrivals[0].At.TotalMilliseconds} ms");
        var outputTokens = arrivals.Single(a => a.Event.Name == "message_delta").Event.Json.GetProperty("usage").GetProperty("output_tokens").GetInt32();
        var deltas = arrivals.Where(a => a.Event.Name == "content_block_delta").ToList();
        var lastDeltaText = deltas[^1].Event.Json.GetProperty("delta").GetProperty("text").GetString()!;
        // The last delta is due once everything before it has been "generated", counted from the request
        // (the test's clock starts first, so server-side lateness can only make this later).
        var dueTokens = (outputTokens * 4.0 - lastDeltaText.Length) / 4;
        var due = TimeSpan.FromMilliseconds(FirstChunkMs) + TimeSpan.FromSeconds(dueTokens / TokensPerSecond) - TimeSpan.FromMilliseconds(50);
        Assert.True(deltas[^1].At >= due, $"last delta after {deltas[^1].At.TotalMilliseconds} ms, due at {due.TotalMilliseconds} ms for {outputTokens} tokens");
        Assert.True(deltas[^1].At - deltas[0].At >= TimeSpan.FromSeconds(dueTokens / TokensPerSecond / 4), "deltas came in one burst");
        Assert.True(deltas.Count >= 5);
        Assert.Equal("message_stop", arrivals[^1].Event.Name);
    }

    [Fact]
    public async Task Json_answer_arrives_after_the_time_its_tokens_take()
    {
        var watch = Stopwatch.StartNew();
        using var response = await Requests.SendAsync(fixture.Client, Requests.Body("paced-json"));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outputTokens = message.GetProperty("usage").GetProperty("output_tokens").GetInt32();
        var expected = TimeSpan.FromMilliseconds(FirstChunkMs) + TimeSpan.FromSeconds((double)outputTokens / TokensPerSecond);
        Assert.True(watch.Elapsed >= expected, $"answered after {watch.Elapsed.TotalMilliseconds} ms, expected {expected.TotalMilliseconds}");
        Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync(Cancellation)).Length);
    }

    /// <summary>A mock Gateway with pacing on.</summary>
    public sealed class PacedMockFixture : IAsyncLifetime
    {
        private RedisServer _redis = null!;
        private ServiceProcess _gateway = null!;

        internal HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _redis = await RedisServer.StartAsync();
            _gateway = await GatewayProcess.StartMockAsync(_redis, new Dictionary<string, string?>
            {
                ["Mock__FirstChunkDelayMilliseconds"] = FirstChunkMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mock__TokensPerSecond"] = TokensPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            Client = GatewayProcess.Client(_gateway);
        }

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }

            await _redis.DisposeAsync();
        }
    }
}
