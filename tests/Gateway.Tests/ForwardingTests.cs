using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>With an API key the Gateway relays to Anthropic: the body untouched, the key its own, the answer streamed back.</summary>
public sealed class ForwardingTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly AnthropicStub _upstream = fixture.Upstream;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Injects_the_gateway_key_and_never_forwards_client_credentials()
    {
        var model = Model("json");
        using var request = Requests.Post(Requests.Body(model));
        // The other way SDKs send a key; the default x-api-key way is covered by every other test.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayProcess.ClientKey);
        using var keyless = GatewayProcess.Client(fixture.Gateway, clientKey: null);

        using var response = await keyless.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_upstream.RequestsFor(model)).Headers;
        Assert.Equal(GatewayProcess.ApiKey, received["x-api-key"]);
        Assert.False(received.ContainsKey("authorization"));
        Assert.DoesNotContain(GatewayProcess.ClientKey, string.Join('\n', received.Values), StringComparison.Ordinal);
        // The HTTP client logs at Trace in these tests, headers included.
        Assert.DoesNotContain(GatewayProcess.ApiKey, fixture.Gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwards_the_body_byte_for_byte()
    {
        var model = Model("json");
        // Whitespace, escapes, key order, a number's spelling and an unknown field: re-serialising would change every one.
        var body = $$"""
            {  "messages" : [ {"role":"user","content":"caf\u00e9 \u2713 \"quoted\""} ],
               "model":"{{model}}", "max_tokens":  100,
               "x_unknown": {"nested": [1, 2.50, 1E3, true]} }
            """;
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, Assert.Single(_upstream.RequestsFor(model)).Body);
    }

    [Fact]
    public async Task Defaults_anthropic_version_and_forwards_content_type()
    {
        var model = Model("json");
        using var request = Requests.Post(Requests.Body(model));
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var response = await _client.SendAsync(request, Cancellation);

        var received = Assert.Single(_upstream.RequestsFor(model)).Headers;
        Assert.Equal("2023-06-01", received["anthropic-version"]);
        Assert.Equal("application/json; charset=utf-8", received["content-type"]);
        Assert.False(received.ContainsKey("anthropic-beta"));
    }

    [Fact]
    public async Task Forwards_client_anthropic_version_and_beta()
    {
        var model = Model("json");
        using var request = Requests.Post(Requests.Body(model));
        request.Headers.Add("anthropic-version", "2099-01-01");
        request.Headers.Add("anthropic-beta", "prompt-caching-2024-07-31");

        using var response = await _client.SendAsync(request, Cancellation);

        var received = Assert.Single(_upstream.RequestsFor(model)).Headers;
        Assert.Equal("2099-01-01", received["anthropic-version"]);
        Assert.Equal("prompt-caching-2024-07-31", received["anthropic-beta"]);
    }

    [Fact]
    public async Task Copies_back_status_body_and_provider_headers_only()
    {
        var model = Model("json");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StubMessages.Message(model), await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(AnthropicStub.RequestId, Assert.Single(response.Headers.GetValues("request-id")));
        Assert.Equal("49", Assert.Single(response.Headers.GetValues("anthropic-ratelimit-requests-remaining")));
        Assert.Equal("2026-01-01T00:00:00Z", Assert.Single(response.Headers.GetValues("anthropic-ratelimit-tokens-reset")));
        Assert.False(response.Headers.Contains("x-internal-upstream"));
    }

    [Fact]
    public async Task Rate_limit_error_passes_through_with_retry_after()
    {
        var model = Model("429");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        var (type, _) = await Requests.ReadErrorAsync(response);
        Assert.Equal("rate_limit_error", type);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Overloaded_error_passes_through_once_without_retries()
    {
        var model = Model("529");

        using var response = await Requests.SendAsync(_client, Requests.Body(model));

        Assert.Equal(529, (int)response.StatusCode);
        var (type, _) = await Requests.ReadErrorAsync(response);
        Assert.Equal("overloaded_error", type);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Stream_reaches_the_client_event_by_event_not_buffered()
    {
        var model = Model("sse");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));

        using var response = await Requests.SendAsync(_client, Requests.Body(model, stream: true));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));
        var first = await reader.ReadAsync(timeout.Token);

        // The stub holds everything after message_start until now: a buffering Gateway would never have shown this event.
        Assert.Equal("message_start", first?.Name);
        Assert.False(_upstream.RestSent(model));
        _upstream.Gate(model).SetResult();
        var rest = await reader.ReadToEndAsync(timeout.Token);
        string[] expected = ["content_block_start", "ping", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"];
        Assert.Equal(expected, rest.Select(e => e.Name));
        Assert.Equal("""{"type": "ping"}""", rest[1].Data);
    }

    [Fact]
    public async Task Upstream_stream_that_breaks_ends_with_an_Anthropic_error_event()
    {
        var model = Model("broken");

        using var response = await Requests.SendAsync(_client, Requests.Body(model, stream: true));
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Cancellation));

        Assert.Equal("message_start", (await reader.ReadAsync(Cancellation))?.Name);
        _upstream.Gate(model).SetResult();
        // Without message_stop and with an error event, SDKs report the answer as failed, not complete.
        var rest = await reader.ReadToEndAsync(Cancellation);
        var error = Assert.Single(rest);
        Assert.Equal("error", error.Name);
        Assert.Equal("api_error", error.Json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_request_is_rejected_before_reaching_upstream()
    {
        var model = Model("json");

        using var response = await Requests.SendAsync(_client, $$"""{"model":"{{model}}","max_tokens":0,"messages":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_upstream.RequestsFor(model));
    }

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";
}
