using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Helpers;
using Anthropic.Models.Messages;
using Gateway.Tests.Support;

namespace Gateway.Tests.Sdk;

/// <summary>The official SDK, given only the Gateway's address and a client key, talks to Anthropic (the stub) through it.</summary>
public sealed class SdkForwardingTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>, IDisposable
{
    private readonly AnthropicStub _upstream = fixture.Upstream;
    private readonly SdkRecorder _recorder = new();
    private AnthropicClient? _sdk;

    private AnthropicClient Sdk => _sdk ??= SdkClient.Create(fixture.Gateway.BaseAddress, _recorder);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_returns_the_upstream_message_parsed()
    {
        var model = SdkRequests.Model("json");

        using var response = await Sdk.WithRawResponse.Messages.Create(SdkRequests.Create(model), Cancellation);
        var message = await response.Deserialize(Cancellation);

        Assert.Equal("msg_01StubUpstream", message.ID);
        Assert.Equal(model, message.Model.Raw());
        Assert.Equal("Hello from upstream", SdkRequests.TextOf(message));
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal(12, message.Usage.InputTokens);
        Assert.Equal(5, message.Usage.OutputTokens);
        Assert.Equal(AnthropicStub.RequestId, response.RequestID);
        Assert.Equal("49", Assert.Single(response.GetHeaderValues("anthropic-ratelimit-requests-remaining")));
    }

    [Fact]
    public async Task Request_reaches_upstream_byte_for_byte_unknown_fields_included()
    {
        var model = SdkRequests.Model("json");
        // A field this SDK version does not model, sent through its raw body data as a newer API field would be.
        var unknown = JsonDocument.Parse("""{"nested":[1,2.50,"caf\u00e9"],"flag":true}""").RootElement;
        var parameters = new MessageCreateParams(
            new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement> { ["x_future_field"] = unknown })
        {
            Model = model,
            MaxTokens = 100,
            Messages = [new UserMessageParam("caf\u00e9 \u2713 \"quoted\"")],
        };

        await Sdk.Messages.Create(parameters, Cancellation);

        var sent = Assert.Single(_recorder.Exchanges).RequestBody;
        Assert.Contains("\"x_future_field\":", Encoding.UTF8.GetString(sent), StringComparison.Ordinal);
        Assert.Equal(sent, Assert.Single(_upstream.RequestsFor(model)).Body);
    }

    [Fact]
    public async Task Version_and_beta_headers_reach_upstream_as_the_SDK_sent_them()
    {
        var model = SdkRequests.Model("json");
        var parameters = new Anthropic.Models.Beta.Messages.MessageCreateParams
        {
            Model = model,
            MaxTokens = 100,
            Messages = [new Anthropic.Models.Beta.Messages.BetaUserMessageParam(SdkRequests.UserText)],
            Betas = ["prompt-caching-2024-07-31", "gateway-test-beta-2099-01-01"],
        };

        var message = await Sdk.Beta.Messages.Create(parameters, Cancellation);

        Assert.Equal("msg_01StubUpstream", message.ID);
        var sent = Assert.Single(_recorder.Exchanges).RequestHeaders;
        var received = Assert.Single(_upstream.RequestsFor(model)).Headers;
        Assert.Equal(sent["anthropic-version"], received["anthropic-version"]);
        Assert.Contains("gateway-test-beta-2099-01-01", sent["anthropic-beta"], StringComparison.Ordinal);
        Assert.Equal(sent["anthropic-beta"], received["anthropic-beta"]);
    }

    [Fact]
    public async Task Upstream_sees_the_provider_key_never_the_clients()
    {
        var model = SdkRequests.Model("json");

        await Sdk.Messages.Create(SdkRequests.Create(model), Cancellation);

        // The SDK sends its key as a bearer token: make sure it did, so the absence below means something.
        Assert.Contains(GatewayProcess.ClientKey, string.Join('\n', Assert.Single(_recorder.Exchanges).RequestHeaders.Values), StringComparison.Ordinal);
        var received = Assert.Single(_upstream.RequestsFor(model)).Headers;
        Assert.Equal(GatewayProcess.ApiKey, received["x-api-key"]);
        Assert.False(received.ContainsKey("authorization"));
        Assert.DoesNotContain(GatewayProcess.ClientKey, string.Join('\n', received.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_reaches_the_SDK_event_by_event_and_accumulates_the_text()
    {
        var model = SdkRequests.Model("sse");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var aggregator = new MessageContentAggregator();
        var types = new List<string>();

        await using (var events = Sdk.Messages.CreateStreaming(SdkRequests.Create(model), timeout.Token).CollectAsync(aggregator).GetAsyncEnumerator(timeout.Token))
        {
            Assert.True(await events.MoveNextAsync());
            types.Add(SdkRequests.TypeOf(events.Current));
            // The stub holds everything after message_start until now: a buffering hop would have left the SDK waiting.
            Assert.False(_upstream.RestSent(model));
            _upstream.Gate(model).SetResult();
            while (await events.MoveNextAsync())
            {
                types.Add(SdkRequests.TypeOf(events.Current));
            }
        }

        string[] expected = ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"];
        Assert.Equal(expected, types);
        var message = aggregator.Message();
        Assert.Equal("Hello upstream", SdkRequests.TextOf(message));
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
    }

    [Fact]
    public async Task Error_event_mid_stream_surfaces_as_an_SDK_exception_after_the_partial_text()
    {
        var model = SdkRequests.Model("sse-error");
        var types = new List<string>();

        var error = await Assert.ThrowsAsync<AnthropicSseException>(async () =>
        {
            await foreach (var streamEvent in Sdk.Messages.CreateStreaming(SdkRequests.Create(model), Cancellation))
            {
                types.Add(SdkRequests.TypeOf(streamEvent));
            }
        });

        Assert.Equal("overloaded_error", error.Type?.Raw());
        Assert.Equal(["message_start", "content_block_start", "content_block_delta"], types);
    }

    [Fact]
    public async Task Reset_mid_stream_fails_the_SDKs_stream_rather_than_ending_it_truncated()
    {
        var model = SdkRequests.Model("broken");

        var (error, types) = await StreamUntilFailureAsync(model);

        Assert.NotNull(error);
        Assert.Equal(["message_start"], types);
    }

    [Fact]
    public async Task Reset_mid_stream_reaches_the_SDK_as_an_Anthropic_error_event()
    {
        var model = SdkRequests.Model("broken");

        var (error, _) = await StreamUntilFailureAsync(model);

        // A raw IOException escapes callers that catch the SDK's exceptions; an error event is what Anthropic itself sends.
        var sseError = Assert.IsType<AnthropicSseException>(error);
        Assert.Equal("api_error", sseError.Type?.Raw());
    }

    [Fact]
    public async Task Error_before_the_stream_starts_is_the_SDKs_matching_exception()
    {
        var model = SdkRequests.Model("529");

        var error = await Assert.ThrowsAsync<AnthropicOverloadedException>(async () =>
        {
            await foreach (var _ in Sdk.Messages.CreateStreaming(SdkRequests.Create(model), Cancellation))
            {
            }
        });

        Assert.Equal(529, (int)error.StatusCode);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Theory]
    [MemberData(nameof(SdkErrorClasses.All), MemberType = typeof(SdkErrorClasses))]
    public async Task Each_upstream_error_class_is_the_SDKs_matching_exception(string scenario, int status, string type, System.Type exception)
    {
        var model = SdkRequests.Model(scenario);

        var error = await Assert.ThrowsAnyAsync<AnthropicApiException>(() => Sdk.Messages.Create(SdkRequests.Create(model), Cancellation));

        SdkErrorClasses.AssertMatches(error, status, type, exception);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Rate_limit_reaches_the_SDK_with_retry_after_and_is_not_retried_by_the_Gateway()
    {
        var model = SdkRequests.Model("429");

        var error = await Assert.ThrowsAsync<AnthropicRateLimitException>(() => Sdk.Messages.Create(SdkRequests.Create(model), Cancellation));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        var exchange = Assert.Single(_recorder.Exchanges);
        Assert.Equal(AnthropicStub.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), exchange.ResponseHeaders["retry-after"]);
        Assert.Single(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task SDK_retries_an_overloaded_answer_through_the_Gateway_each_attempt_reaching_upstream_once()
    {
        var model = SdkRequests.Model("529");
        var recorder = new SdkRecorder();
        using var retrying = SdkClient.Create(fixture.Gateway.BaseAddress, recorder, maxRetries: 1);

        await Assert.ThrowsAsync<AnthropicOverloadedException>(() => retrying.Messages.Create(SdkRequests.Create(model), Cancellation));

        Assert.Equal(["0", "1"], recorder.Exchanges.Select(e => e.RequestHeaders["x-stainless-retry-count"]));
        Assert.All(recorder.Exchanges, e => Assert.Equal(529, (int)e.Status));
        Assert.Equal(2, _upstream.RequestsFor(model).Count);
    }

    [Fact]
    public async Task Invalid_request_is_a_bad_request_exception_and_never_reaches_upstream()
    {
        var model = SdkRequests.Model("json");

        var error = await Assert.ThrowsAsync<AnthropicBadRequestException>(
            () => Sdk.Messages.Create(SdkRequests.Create(model, maxTokens: 0), Cancellation));

        Assert.Equal("invalid_request_error", error.Type?.Raw());
        Assert.Empty(_upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Count_tokens_through_the_Gateway()
    {
        var model = SdkRequests.Model("json");

        var count = await Sdk.Messages.CountTokens(SdkRequests.Count(model), Cancellation);

        Assert.Equal(AnthropicStub.CountedTokens, count.InputTokens);
        var received = Assert.Single(_upstream.CountTokensRequestsFor(model));
        Assert.Equal(GatewayProcess.ApiKey, received.Headers["x-api-key"]);
        Assert.Equal(Assert.Single(_recorder.Exchanges).RequestBody, received.Body);
    }

    [Fact]
    public async Task Count_tokens_error_class_is_the_SDKs_matching_exception()
    {
        var model = SdkRequests.Model("429");

        var error = await Assert.ThrowsAsync<AnthropicRateLimitException>(() => Sdk.Messages.CountTokens(SdkRequests.Count(model), Cancellation));

        Assert.Equal("rate_limit_error", error.Type?.Raw());
        Assert.Single(_upstream.CountTokensRequestsFor(model));
    }

    [Fact]
    public async Task Model_list_through_the_Gateway_parses()
    {
        var page = await Sdk.Models.List(new Anthropic.Models.Models.ModelListParams(), Cancellation);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, model => Assert.False(string.IsNullOrEmpty(model.ID)));
    }

    /// <summary>Streams a <c>broken:</c> answer, letting the stub reset the connection once the first event is in.</summary>
    private async Task<(Exception? Error, List<string> Types)> StreamUntilFailureAsync(string model)
    {
        var types = new List<string>();
        try
        {
            await foreach (var streamEvent in Sdk.Messages.CreateStreaming(SdkRequests.Create(model), Cancellation))
            {
                types.Add(SdkRequests.TypeOf(streamEvent));
                _upstream.Gate(model).TrySetResult();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (e, types);
        }

        return (null, types);
    }

    public void Dispose() => _sdk?.Dispose();
}
