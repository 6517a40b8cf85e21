using System.Net;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Anthropic.Models.Models;
using Gateway.Tests.Support;

namespace Gateway.Tests.Sdk;

/// <summary>
/// The official SDK against the Anthropic stub, no Gateway between: the stub's wire format is what
/// the SDK parses, so when a Gateway test fails, the Gateway is at fault and not the stub.
/// </summary>
public sealed class StubConformanceTests : IAsyncLifetime
{
    private readonly SdkRecorder _recorder = new();
    private AnthropicStub _stub = null!;
    private AnthropicClient _sdk = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stub = await AnthropicStub.StartAsync();
        _sdk = SdkClient.Create(_stub.BaseAddress, _recorder, GatewayProcess.ApiKey);
    }

    [Fact]
    public async Task Message_parses_with_its_usage()
    {
        var model = SdkRequests.Model("json");

        var message = await _sdk.Messages.Create(SdkRequests.Create(model), Cancellation);

        Assert.Equal("msg_01StubUpstream", message.ID);
        Assert.Equal(model, message.Model.Raw());
        Assert.Equal("Hello from upstream", SdkRequests.TextOf(message));
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal(12, message.Usage.InputTokens);
        Assert.Equal(5, message.Usage.OutputTokens);
        Assert.Equal(0, message.Usage.CacheReadInputTokens);
    }

    [Fact]
    public async Task Stream_aggregates_into_the_message()
    {
        var model = SdkRequests.Model("sse");
        _stub.Gate(model).SetResult();

        var message = await _sdk.Messages.CreateStreaming(SdkRequests.Create(model), Cancellation).Aggregate();

        Assert.Equal("msg_01StubStream", message.ID);
        Assert.Equal("Hello upstream", SdkRequests.TextOf(message));
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal(3, message.Usage.OutputTokens);
    }

    [Fact]
    public async Task Token_count_parses()
    {
        var model = SdkRequests.Model("json");

        var count = await _sdk.Messages.CountTokens(SdkRequests.Count(model), Cancellation);

        Assert.Equal(AnthropicStub.CountedTokens, count.InputTokens);
        Assert.Single(_stub.CountTokensRequestsFor(model));
    }

    [Fact]
    public async Task Model_list_pages_with_limit_and_after_id()
    {
        var first = await _sdk.Models.List(new ModelListParams { Limit = 3 }, Cancellation);
        Assert.Equal(StubModels.Catalog.Take(3).Select(m => m.Id), first.Items.Select(m => m.ID));
        Assert.Equal("Claude Haiku 4.5", first.Items[0].DisplayName);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.Zero), first.Items[0].CreatedAt);
        Assert.True(first.HasNext());

        var second = await first.Next(Cancellation);

        Assert.Equal(StubModels.Catalog.Skip(3).Select(m => m.Id), second.Items.Select(m => m.ID));
        Assert.False(second.HasNext());
        Assert.EndsWith("/v1/models?limit=3&after_id=" + StubModels.Catalog[2].Id, _recorder.Exchanges[^1].Uri.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_list_pages_backwards_with_before_id()
    {
        var page = await _sdk.Models.List(new ModelListParams { Limit = 2, BeforeID = StubModels.Catalog[3].Id }, Cancellation);

        Assert.Equal(StubModels.Catalog.Skip(1).Take(2).Select(m => m.Id), page.Items.Select(m => m.ID));
    }

    [Fact]
    public async Task Model_retrieve_finds_a_model_and_not_an_unknown_one()
    {
        var model = await _sdk.Models.Retrieve(StubModels.Catalog[1].Id, new ModelRetrieveParams(), Cancellation);
        var missing = await Assert.ThrowsAsync<AnthropicNotFoundException>(
            () => _sdk.Models.Retrieve("claude-nonexistent", new ModelRetrieveParams(), Cancellation));

        Assert.Equal("Claude Sonnet 4.5", model.DisplayName);
        Assert.Equal("not_found_error", missing.Type?.Raw());
    }

    [Fact]
    public async Task Any_key_but_the_providers_is_an_authentication_error()
    {
        using var sdk = SdkClient.Create(_stub.BaseAddress, new SdkRecorder(), GatewayProcess.ClientKey);
        var model = SdkRequests.Model("json");

        var error = await Assert.ThrowsAsync<AnthropicUnauthorizedException>(() => sdk.Messages.Create(SdkRequests.Create(model), Cancellation));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("authentication_error", error.Type?.Raw());
        Assert.Empty(_stub.RequestsFor(model));
    }

    [Fact]
    public async Task Missing_anthropic_version_is_an_invalid_request()
    {
        using var client = new HttpClient { BaseAddress = _stub.BaseAddress };
        using var request = Requests.Post(Requests.Body(SdkRequests.Model("json")));
        request.Headers.Add("x-api-key", GatewayProcess.ApiKey);

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.Equal("anthropic-version: header is required", message);
    }

    [Theory]
    [MemberData(nameof(SdkErrorClasses.All), MemberType = typeof(SdkErrorClasses))]
    public async Task Each_error_class_is_the_SDKs_matching_exception(string scenario, int status, string type, System.Type exception)
    {
        var model = SdkRequests.Model(scenario);

        var error = await Assert.ThrowsAnyAsync<AnthropicApiException>(() => _sdk.Messages.Create(SdkRequests.Create(model), Cancellation));

        SdkErrorClasses.AssertMatches(error, status, type, exception);
        Assert.Single(_stub.RequestsFor(model));
    }

    public async ValueTask DisposeAsync()
    {
        _sdk?.Dispose();
        await _stub.DisposeAsync();
    }
}
