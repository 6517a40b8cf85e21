using System.Net;
using System.Text;
using Gateway.Features.Usage;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>
/// The contract the ledger and cache build on: OnCompleted runs once, after the client has its answer,
/// with the usage actually answered; and each call leaves a GenAI span and metrics behind.
/// </summary>
public sealed class DispatcherContractTests : IAsyncLifetime
{
    private readonly TelemetryCapture _telemetry = new();
    private AnthropicStub _upstream = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _upstream = await AnthropicStub.StartAsync();

    [Fact]
    public async Task Json_answer_reaches_the_client_before_OnCompleted_which_gets_usage_and_a_cacheable_copy()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding(), released: false);
        var model = Model("cached");

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model));
        // OnCompleted is still blocked here: the whole body arrived without waiting for it.
        var body = await response.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Empty(harness.OutcomesFor(model));
        harness.Release.SetResult();
        var outcome = await harness.OutcomeAsync(model);

        Assert.Equal(Encoding.UTF8.GetBytes(CacheStubMessages.Message(model)), body);
        Assert.Equal(new TokenUsage(7, 9, 2000, 100), outcome.Usage);
        Assert.Equal(model + "-20250101", outcome.ResponseModel);
        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Mocked);
        Assert.Equal(200, outcome.StatusCode);
        var cacheable = Assert.IsType<Features.Messages.CachedReply>(outcome.Cacheable);
        Assert.Equal(body, cacheable.Body.ToArray());
        Assert.Equal("application/json", cacheable.ContentType);
        Assert.Single(harness.OutcomesFor(model));
    }

    [Fact]
    public async Task Stream_usage_comes_from_message_start_and_the_last_message_delta_and_is_on_the_span()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding());
        var model = Model("cachedsse");

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model, stream: true));
        await response.Content.ReadAsStringAsync(Cancellation);
        var outcome = await harness.OutcomeAsync(model);
        var span = await _telemetry.SpanAsync(model);

        Assert.Equal(new TokenUsage(6, 11, 4000, 300), outcome.Usage);
        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Cacheable);
        Assert.Equal("msg_01StubCachedStream", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(model + "-20250101", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(["max_tokens"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        Assert.Equal(6, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(11, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(4000, span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Equal(300, span.GetTagItem("gen_ai.usage.cache_creation.input_tokens"));
        Assert.Equal("anthropic", span.GetTagItem("gen_ai.provider.name"));
        Assert.Null(span.GetTagItem("error.type"));

        var tokens = _telemetry.For("gen_ai.client.token.usage", model);
        Assert.Equal(6 + 4000 + 300, tokens.Single(m => Equals(m.Tags["gen_ai.token.type"], "input")).Value);
        Assert.Equal(11, tokens.Single(m => Equals(m.Tags["gen_ai.token.type"], "output")).Value);
        Assert.Single(_telemetry.For("gen_ai.client.operation.time_to_first_chunk", model));
        var duration = Assert.Single(_telemetry.For("gen_ai.client.operation.duration", model));
        Assert.False(duration.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task Broken_stream_reports_failure_with_the_usage_seen_so_far()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding());
        var model = Model("midreset");

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model, stream: true));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        for (var i = 0; i < 3; i++)
        {
            await reader.ReadAsync(Cancellation);
        }

        _upstream.Gate(model).SetResult();
        Assert.Equal("error", Assert.Single(await reader.ReadToEndAsync(Cancellation)).Name);
        var outcome = await harness.OutcomeAsync(model);
        var span = await _telemetry.SpanAsync(model);

        Assert.False(outcome.Succeeded);
        Assert.Equal(new TokenUsage(12, 1), outcome.Usage);
        Assert.Null(outcome.Cacheable);
        Assert.Equal("stream_broken", span.GetTagItem("error.type"));
        Assert.Equal("stream_broken", Assert.Single(_telemetry.For("gen_ai.client.operation.duration", model)).Tags["error.type"]);
    }

    [Fact]
    public async Task Client_error_reports_failure_with_no_usage_and_nothing_to_cache()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding());
        var model = Model("c400");

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model));
        var outcome = await harness.OutcomeAsync(model);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(outcome.Succeeded);
        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal(default, outcome.Usage);
        Assert.Null(outcome.Cacheable);
    }

    [Fact]
    public async Task Retries_are_counted_and_recorded_as_span_events()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding());
        var model = Model("flaky:2");
        var before = _telemetry.For("gateway.upstream.retries").Count;

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model));
        await harness.OutcomeAsync(model);
        var span = await _telemetry.SpanAsync(model);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retries = _telemetry.For("gateway.upstream.retries").Skip(before).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal("529", r.Tags["gateway.retry.reason"]));
        Assert.Equal(2, span.Events.Count(e => e.Name == "gateway.retry"));
    }

    [Fact]
    public async Task Mock_answer_reports_its_usage_as_mocked_and_not_cacheable()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding(("Fallback:Mode", "Always")));
        var model = Model("json");

        using var response = await Requests.SendAsync(harness.Client, Requests.Body(model, maxTokens: 4));
        await response.Content.ReadAsStringAsync(Cancellation);
        var outcome = await harness.OutcomeAsync(model);
        var span = await _telemetry.SpanAsync(model);

        Assert.True(outcome.Mocked);
        Assert.True(outcome.Succeeded);
        Assert.Equal(4, outcome.Usage.OutputTokens);
        Assert.True(outcome.Usage.InputTokens > 0);
        Assert.Null(outcome.Cacheable);
        Assert.Equal("gateway.mock", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("always", span.GetTagItem("gateway.fallback.reason"));
        Assert.Contains(_telemetry.For("gateway.fallbacks"), m => Equals(m.Tags["gateway.fallback.reason"], "always"));
        Assert.Empty(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Client_leaving_a_paced_mock_stream_stops_it_and_reports_what_was_sent()
    {
        await using var harness = await DispatcherHarness.StartAsync(Forwarding(("Fallback:Mode", "Always"), ("Mock:TokensPerSecond", "5")));
        var model = Model("json");

        var response = await Requests.SendAsync(harness.Client, Requests.Body(model, stream: true));
        var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        Assert.Equal("message_start", (await reader.ReadAsync(Cancellation))?.Name);
        reader.Dispose();
        response.Dispose();
        var outcome = await harness.OutcomeAsync(model);

        // At 5 tokens a second the full answer takes several seconds; the outcome came as soon as the client left.
        Assert.True(outcome.Mocked);
        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Usage.InputTokens > 0);
        Assert.InRange(outcome.Usage.OutputTokens, 1, 10);
        Assert.Single(harness.OutcomesFor(model));
    }

    private Dictionary<string, string?> Forwarding(params (string Key, string Value)[] extra)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Anthropic:ApiKey"] = GatewayProcess.ApiKey,
            ["Anthropic:BaseUrl"] = _upstream.BaseAddress.ToString(),
            ["Resilience:BaseDelayMilliseconds"] = "10",
            ["Resilience:CircuitBreaker:MinimumThroughput"] = "100000",
        };
        foreach (var (key, value) in extra)
        {
            configuration[key] = value;
        }

        return configuration;
    }

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        _telemetry.Dispose();
        await _upstream.DisposeAsync();
    }
}
