using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Features.Assistant;
using Api.Features.FeatureFlags;
using Api.Infrastructure.Gateway;
using Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Assistant;

public sealed class AssistantEndpointsTests : IAsyncLifetime
{
    // What OpenTelemetry's ASP.NET Core instrumentation does in the running stack: listen, so
    // requests get an Activity whose context outgoing calls carry on.
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private FakeGateway _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        ActivitySource.AddActivityListener(_listener);
        _gateway = await FakeGateway.StartAsync();
    }

    [Fact]
    public async Task Ask_sends_a_messages_call_to_the_gateway_and_returns_its_text_model_and_usage()
    {
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/assistant/ask", new { prompt = "Say hi" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Hello there", answer.GetProperty("text").GetString());
        Assert.Equal("fake-model", answer.GetProperty("model").GetString());
        Assert.Equal(12, answer.GetProperty("inputTokens").GetInt32());
        Assert.Equal(3, answer.GetProperty("outputTokens").GetInt32());

        var call = Assert.Single(_gateway.Calls);
        Assert.Equal("2023-06-01", call.AnthropicVersion);
        using var sent = JsonDocument.Parse(call.Body);
        Assert.Equal("test-model", sent.RootElement.GetProperty("model").GetString());
        Assert.Equal(256, sent.RootElement.GetProperty("max_tokens").GetInt32());
        var message = Assert.Single(sent.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal("Say hi", message.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Ask_continues_the_callers_trace_into_the_gateway()
    {
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());
        using var client = api.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assistant/ask") { Content = JsonContent.Create(new { prompt = "Hi" }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_gateway.Calls);
        Assert.StartsWith($"00-{traceId}-", call.TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_turns_an_anthropic_error_from_the_gateway_into_a_502_naming_it()
    {
        _gateway.StatusCode = 401;
        _gateway.ResponseBody = """{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""";
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());

        var problem = await AskExpecting502Async(api);

        Assert.Equal("The gateway answered 401 authentication_error: invalid x-api-key", problem.GetProperty("detail").GetString());
        Assert.Equal("authentication_error", problem.GetProperty("gatewayErrorType").GetString());
        Assert.Equal(401, problem.GetProperty("gatewayStatus").GetInt32());
    }

    [Fact]
    public async Task Ask_turns_a_non_anthropic_gateway_error_into_a_502()
    {
        _gateway.StatusCode = 500;
        _gateway.ResponseBody = "<html>Internal Server Error</html>";
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());

        var problem = await AskExpecting502Async(api);

        Assert.Equal(500, problem.GetProperty("gatewayStatus").GetInt32());
    }

    [Fact]
    public async Task Ask_turns_an_unreadable_gateway_reply_into_a_502()
    {
        _gateway.ResponseBody = "not json";
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());

        var problem = await AskExpecting502Async(api);

        Assert.Equal("The gateway's answer was not a Messages API message.", problem.GetProperty("detail").GetString());
    }

    // A closed port, and the service-discovery address as it is before ServiceDefaults resolves it.
    [Theory]
    [InlineData("closed-port")]
    [InlineData("https+http://gateway")]
    public async Task Ask_turns_an_unreachable_gateway_into_a_502(string baseUrl)
    {
        await using var api = await StartApiAsync(baseUrl == "closed-port" ? $"http://127.0.0.1:{Ports.Closed()}" : baseUrl);

        var problem = await AskExpecting502Async(api);

        Assert.Equal("The gateway could not be reached.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":""}""")]
    [InlineData("{}")]
    public async Task Ask_without_a_prompt_is_a_validation_problem_and_calls_no_gateway(string body)
    {
        await using var api = await StartApiAsync(_gateway.BaseAddress.ToString());
        using var client = api.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/assistant/ask", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompt", out _));
        Assert.Empty(_gateway.Calls);
    }

    [Fact]
    public void A_gateway_failure_maps_to_a_502_problem_with_the_gateways_error()
    {
        var result = AssistantEndpoints.GatewayFailed(new GatewayException("boom", 529, "overloaded_error"));

        Assert.Equal(502, result.StatusCode);
        Assert.Equal("The gateway failed", result.ProblemDetails.Title);
        Assert.Equal("boom", result.ProblemDetails.Detail);
        Assert.Equal(529, result.ProblemDetails.Extensions["gatewayStatus"]);
        Assert.Equal("overloaded_error", result.ProblemDetails.Extensions["gatewayErrorType"]);
    }

    private static Task<TestWebApp> StartApiAsync(string gatewayBaseUrl) =>
        TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["Gateway:BaseUrl"] = gatewayBaseUrl, ["Gateway:Model"] = "test-model" },
            builder =>
            {
                builder.Services.AddProblemDetails();
                SignedInAsTestUser.AddTo(builder.Services);
                builder.AddFeatureFlags();
                builder.AddGatewayClient();
            },
            app => app.MapAssistantEndpoints());

    private static async Task<JsonElement> AskExpecting502Async(TestWebApp api)
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/assistant/ask", new { prompt = "Hi" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("The gateway failed", problem.GetProperty("title").GetString());
        return problem;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _gateway.DisposeAsync();
    }
}
