using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Chat;

/// <summary>Chat through the real Gateway, started as its own process with its mock model, found by service discovery.</summary>
public sealed class ChatWithMockGatewayTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ServiceProcess _gateway = null!;
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _gateway = await GatewayProcesses.StartMockAsync(redis);
        _api = await ApiFactory.StartAsync(postgres, redis, GatewayProcesses.ApiSettings(_gateway));
    }

    [Fact]
    public async Task A_chat_message_streams_saved_deltas_and_done_and_stores_both_messages()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        var events = await ChatEvents.ChatAsync(user.Client, project, "Build me a landing page");

        Assert.Equal("message_saved", events[0].Name);
        Assert.Equal("done", events[^1].Name);
        Assert.True(events.Count(e => e.Name == "delta") > 1, "the reply arrives as several deltas");
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal("delta", e.Name));
        var text = ChatEvents.Text(events);
        Assert.Contains("mock model", text, StringComparison.Ordinal);
        Assert.Contains("Build me a landing page", text, StringComparison.Ordinal);

        var done = events[^1].Data;
        Assert.Equal("claude-sonnet-4-5", done.GetProperty("model").GetString());
        Assert.True(done.GetProperty("usage").GetProperty("inputTokens").GetInt32() > 0);
        Assert.True(done.GetProperty("usage").GetProperty("outputTokens").GetInt32() > 0);
        Assert.Equal("end_turn", done.GetProperty("stopReason").GetString());
        Assert.Equal("none", done.GetProperty("edits").GetProperty("status").GetString());

        var stored = await Conversations.AllMessagesAsync(user, project);
        Assert.Equal(2, stored.Count);
        Assert.Equal(done.GetProperty("id").GetGuid(), stored[0].GetProperty("id").GetGuid());
        Assert.Equal("assistant", stored[0].GetProperty("role").GetString());
        Assert.Equal(text, stored[0].GetProperty("content").GetString());
        Assert.Equal(done.GetProperty("usage").GetProperty("outputTokens").GetInt32(), stored[0].GetProperty("outputTokens").GetInt32());
        Assert.Equal(events[0].Data.GetProperty("id").GetGuid(), stored[1].GetProperty("id").GetGuid());
        Assert.Equal("Build me a landing page", stored[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Each_turn_stores_its_messages_in_order_after_the_earlier_ones()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        await ChatEvents.ChatAsync(user.Client, project, "first");
        await ChatEvents.ChatAsync(user.Client, project, "second");

        var stored = await Conversations.AllMessagesAsync(user, project);
        Assert.Equal(["assistant", "user", "assistant", "user"], stored.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("second", stored[1].GetProperty("content").GetString());
        Assert.Equal("first", stored[3].GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"content":"   "}""")]
    [InlineData("""{"content":null}""")]
    [InlineData("{}")]
    [InlineData("""{"content":"nul\u0000inside"}""")]
    public async Task A_message_without_usable_content_is_a_validation_problem_and_stores_nothing(string body)
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await user.Client.PostAsync($"/api/projects/{project}/chat", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("content", out _));
        Assert.Empty(await Conversations.AllMessagesAsync(user, project));
    }

    [Fact]
    public async Task A_message_of_32001_characters_is_a_validation_problem()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = new string('x', 32_001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("A message has at most 32000 characters.", problem.GetProperty("errors").GetProperty("content")[0].GetString());
    }

    [Fact]
    public async Task Chatting_in_another_users_project_is_not_found_and_stores_nothing()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var project = await Conversations.CreateProjectAsync(owner);

        using var response = await ChatEvents.PostAsync(other.Client, project, new { content = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await Conversations.AllMessagesAsync(owner, project));
    }

    [Fact]
    public async Task A_key_the_gateway_refuses_is_a_502_problem_before_any_stream_and_stores_nothing()
    {
        var settings = GatewayProcesses.ApiSettings(_gateway, apiKey: "sk-gw-not-a-key-the-gateway-knows-0000");
        await using var api = await ApiFactory.StartAsync(postgres, redis, settings);
        using var user = await api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = "hello" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(401, problem.GetProperty("gatewayStatus").GetInt32());
        Assert.Empty(await Conversations.AllMessagesAsync(user, project));
    }

    [Fact]
    public async Task A_gateway_that_is_down_is_a_502_problem_and_stores_nothing()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis, GatewayProcesses.ApiSettings(gateway: null));
        using var user = await api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = "hello" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("The gateway could not be reached.", problem.GetProperty("detail").GetString());
        Assert.Empty(await Conversations.AllMessagesAsync(user, project));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _gateway.DisposeAsync();
    }
}
