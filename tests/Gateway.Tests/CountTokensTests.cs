using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>count_tokens: a Messages body without max_tokens, forwarded byte for byte with retries, or estimated by the mock.</summary>
public sealed class CountTokensTests(MockGatewayFixture mock, ResilienceFixture forwarding)
    : IClassFixture<MockGatewayFixture>, IClassFixture<ResilienceFixture>
{
    private const string Path = "/v1/messages/count_tokens";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static string Body(string model, string text = "Count these words, please.") =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = model,
            ["messages"] = new object[] { new Dictionary<string, object> { ["role"] = "user", ["content"] = text } },
        });

    [Fact]
    public async Task Mock_estimates_input_tokens_without_max_tokens()
    {
        const string text = "Twelve characters and then some more.";

        using var response = await mock.Client.SendAsync(Requests.Post(Body("claude-sonnet-4-5", text), Path), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("x-gateway-mock")));
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal((text.Length + 3) / 4, root.GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task Invalid_body_is_rejected_like_messages()
    {
        using var response = await mock.Client.SendAsync(Requests.Post("""{"model":"m","messages":[]}""", Path), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", type);
        Assert.Equal("messages: must be a non-empty array", message);
    }

    [Fact]
    public async Task Forwards_the_body_byte_for_byte_with_the_gateway_key_and_relays_the_answer()
    {
        var model = "json:" + Guid.NewGuid().ToString("N");
        var bytes = Encoding.UTF8.GetBytes($$"""{ "model" : "{{model}}", "messages":[{"role":"user","content":"caf\u00e9"}], "system": "x" }""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Alongside the client's gateway key (x-api-key): a credential that must not travel on.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-ant-client-supplied");

        using var response = await forwarding.Client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"input_tokens":1234}""", await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(AnthropicStub.RequestId, Assert.Single(response.Headers.GetValues("request-id")));
        var received = Assert.Single(forwarding.Upstream.CountTokensRequestsFor(model));
        Assert.Equal(bytes, received.Body);
        Assert.Equal(GatewayProcess.ApiKey, received.Headers["x-api-key"]);
        Assert.False(received.Headers.ContainsKey("authorization"));
        Assert.Empty(forwarding.Upstream.RequestsFor(model));
    }

    [Fact]
    public async Task Overloaded_count_is_retried()
    {
        var model = "flaky:" + Guid.NewGuid().ToString("N");

        using var response = await forwarding.Client.SendAsync(Requests.Post(Body(model), Path), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, forwarding.Upstream.CountTokensRequestsFor(model).Count);
    }
}
