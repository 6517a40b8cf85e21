using System.Net;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Anthropic.Models.Models;
using Gateway.Tests.Support;

namespace Gateway.Tests.Sdk;

/// <summary>The official SDK against a Gateway with no Anthropic key: the mock model must be indistinguishable in shape from Anthropic.</summary>
public sealed class SdkMockTests(MockGatewayFixture fixture) : IClassFixture<MockGatewayFixture>, IDisposable
{
    private const string Model = "claude-sonnet-4-5";

    private readonly SdkRecorder _recorder = new();
    private AnthropicClient? _sdk;

    private AnthropicClient Sdk => _sdk ??= SdkClient.Create(fixture.Gateway.BaseAddress, _recorder);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_returns_the_mock_message_parsed()
    {
        using var response = await Sdk.WithRawResponse.Messages.Create(SdkRequests.Create(Model), Cancellation);
        var message = await response.Deserialize(Cancellation);

        Assert.StartsWith("msg_", message.ID, StringComparison.Ordinal);
        Assert.Equal(Model, message.Model.Raw());
        Assert.Contains(SdkRequests.UserText, SdkRequests.TextOf(message), StringComparison.Ordinal);
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal((SdkRequests.UserText.Length + 3) / 4, message.Usage.InputTokens);
        Assert.Equal((SdkRequests.TextOf(message).Length + 3) / 4, message.Usage.OutputTokens);
        Assert.StartsWith("req_", response.RequestID, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_accumulates_to_the_same_message_as_create()
    {
        var created = await Sdk.Messages.Create(SdkRequests.Create(Model), Cancellation);

        var streamed = await Sdk.Messages.CreateStreaming(SdkRequests.Create(Model), Cancellation).Aggregate();

        Assert.StartsWith("msg_", streamed.ID, StringComparison.Ordinal);
        Assert.Equal(SdkRequests.TextOf(created), SdkRequests.TextOf(streamed));
        Assert.Equal(StopReason.EndTurn, streamed.StopReason?.Value());
        Assert.Equal(created.Usage.InputTokens, streamed.Usage.InputTokens);
        Assert.Equal(created.Usage.OutputTokens, streamed.Usage.OutputTokens);
    }

    [Fact]
    public async Task Stream_cut_by_max_tokens_reports_max_tokens()
    {
        var streamed = await Sdk.Messages.CreateStreaming(SdkRequests.Create(Model, maxTokens: 2), Cancellation).Aggregate();

        Assert.Equal(StopReason.MaxTokens, streamed.StopReason?.Value());
        Assert.Equal(2, streamed.Usage.OutputTokens);
    }

    [Fact]
    public async Task Count_tokens_matches_the_input_tokens_of_the_same_request()
    {
        var created = await Sdk.Messages.Create(SdkRequests.Create(Model), Cancellation);

        var count = await Sdk.Messages.CountTokens(SdkRequests.Count(Model), Cancellation);

        Assert.Equal(created.Usage.InputTokens, count.InputTokens);
    }

    [Fact]
    public async Task Model_list_parses_with_at_least_one_model()
    {
        var page = await Sdk.Models.List(new ModelListParams(), Cancellation);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, model => Assert.False(string.IsNullOrEmpty(model.ID)));
    }

    [Fact]
    public async Task Invalid_request_is_a_bad_request_exception_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<AnthropicBadRequestException>(
            () => Sdk.Messages.Create(SdkRequests.Create(Model, maxTokens: 0), Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type?.Raw());
        Assert.StartsWith("max_tokens:", error.ApiMessage, StringComparison.Ordinal);
        Assert.StartsWith("req_", error.RequestID, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_model_is_a_not_found_exception()
    {
        var error = await Assert.ThrowsAsync<AnthropicNotFoundException>(
            () => Sdk.Models.Retrieve("claude-does-not-exist", new ModelRetrieveParams(), Cancellation));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found_error", error.Type?.Raw());
    }

    public void Dispose() => _sdk?.Dispose();
}
