using System.Diagnostics;
using System.Net;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Transient upstream failures are retried — bounded, with backoff, honouring retry-after — and client errors never are.</summary>
public sealed class ResilienceTests(ResilienceFixture fixture) : IClassFixture<ResilienceFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly AnthropicStub _upstream = fixture.Upstream;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overloaded_upstream_is_retried_until_it_answers()
    {
        var model = Model("flaky:2");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StubMessages.Message(model), await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(3, _upstream.RequestsFor(model).Count);
    }

    [Theory]
    [InlineData("500", "api_error")]
    [InlineData("503", "api_error")]
    [InlineData("529", "overloaded_error")]
    public async Task Retries_are_bounded_then_the_last_answer_passes_through(string status, string errorType)
    {
        var model = Model(status);

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), (int)response.StatusCode);
        Assert.Equal(errorType, (await Requests.ReadErrorAsync(response)).Type);
        Assert.Equal(AnthropicStub.RequestId, Assert.Single(response.Headers.GetValues("request-id")));
        // MaxRetries = 2: the first attempt and two more, never a fourth.
        Assert.Equal(3, _upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task Connection_reset_before_headers_is_retried_then_answered_with_502()
    {
        var model = Model("reset");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("api_error", (await Requests.ReadErrorAsync(response)).Type);
        Assert.Equal(3, _upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task Slow_upstream_hits_the_attempt_timeout_on_every_attempt()
    {
        var model = Model("slow:60000");
        var watch = Stopwatch.StartNew();

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("timeout_error", (await Requests.ReadErrorAsync(response)).Type);
        Assert.Equal(3, _upstream.RequestsFor(model).Count);
        // Three 2 s attempts, each given up on long before the stub's 60 s.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Upstream_slower_than_usual_but_within_the_timeout_answers_once()
    {
        var model = Model("slow:300");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Theory]
    [InlineData("ratelimited:1", 1000)]
    [InlineData("ratelimitedms:800", 800)]
    [InlineData("ratelimiteddate:2", 1000)]
    public async Task Retry_after_is_waited_for_before_the_retry(string scenario, int minimumWaitMs)
    {
        var model = Model(scenario);

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = _upstream.ArrivalsFor(model);
        Assert.Equal(2, arrivals.Count);
        // Backoff alone would retry after about 50 ms; the provider asked for longer. (10 ms of clock slack.)
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(minimumWaitMs - 10), $"retried after {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Retry_after_beyond_the_maximum_is_not_waited_for_and_passes_through()
    {
        var model = Model("ratelimited:120");
        var watch = Stopwatch.StartNew();

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limit_error", (await Requests.ReadErrorAsync(response)).Type);
        Assert.Single(_upstream.RequestsFor(model));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(ResilienceFixture.MaxRetryAfterSeconds));
    }

    [Fact]
    public async Task Client_errors_are_never_retried_and_pass_through_byte_for_byte()
    {
        var model = Model("c400");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StubMessages.Error("invalid_request_error", "messages: roles must alternate"), await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(AnthropicStub.RequestId, Assert.Single(response.Headers.GetValues("request-id")));
        Assert.Equal("49", Assert.Single(response.Headers.GetValues("anthropic-ratelimit-requests-remaining")));
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.False(response.Headers.Contains("x-internal-upstream"));
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task A_retried_stream_request_streams_the_answer_that_finally_came()
    {
        var model = Model("flaky:1");

        using var response = await Requests.SendAsync(_client, Requests.Body(model, stream: true));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        var events = await reader.ReadToEndAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message_start", events[0].Name);
        Assert.Equal("message_stop", events[^1].Name);
        Assert.DoesNotContain(events, e => e.Name == "error");
        Assert.Equal(2, _upstream.RequestsFor(model).Count);
    }

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";
}
