using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Chat;

/// <summary>
/// Chat through the real Gateway forwarding to a scripted Anthropic upstream: replies with file edits,
/// the context the Api sends, and streams that fail half way or lose their client.
/// </summary>
public sealed class ChatThroughUpstreamTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private AnthropicUpstream _upstream = null!;
    private ServiceProcess _gateway = null!;
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _upstream = await AnthropicUpstream.StartAsync();
        _gateway = await GatewayProcesses.StartForwardingAsync(redis, _upstream.BaseAddress);
        var settings = GatewayProcesses.ApiSettings(_gateway);
        settings["Chat:ContextMessages"] = "3";
        _api = await ApiFactory.StartAsync(postgres, redis, settings);
    }

    [Fact]
    public async Task File_blocks_in_a_completed_reply_are_applied_as_one_batch_and_reported_in_done()
    {
        _upstream.Reply = "Here you go.\n\n```file:src/app.ts\nexport const x = 1;\n```\n\n```delete:old.txt\n```\n\n```file:../escape.txt\nno\n```\n";
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        await WriteFileAsync(user, project, "old.txt", "to be removed");

        var events = await ChatEvents.ChatAsync(user.Client, project, "Add app.ts and remove old.txt");

        var edits = events[^1].Data.GetProperty("edits");
        Assert.Equal("applied", edits.GetProperty("status").GetString());
        var operations = edits.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(2, operations.Count);
        Assert.Equal(("Write", "src/app.ts", 20), (operations[0].GetProperty("kind").GetString(), operations[0].GetProperty("path").GetString(), operations[0].GetProperty("length").GetInt32()));
        Assert.Equal(("Delete", "old.txt"), (operations[1].GetProperty("kind").GetString(), operations[1].GetProperty("path").GetString()));
        Assert.Equal("../escape.txt", Assert.Single(edits.GetProperty("rejected").EnumerateArray()).GetProperty("path").GetString());
        Assert.Equal(_upstream.Reply, (await Conversations.AllMessagesAsync(user, project))[0].GetProperty("content").GetString());

        var written = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/files/src/app.ts", Cancellation);
        using var removed = await user.Client.GetAsync($"/api/projects/{project}/files/old.txt", Cancellation);
        Assert.Equal("export const x = 1;\n", written.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
    }

    [Fact]
    public async Task Edits_that_break_a_file_rule_change_no_file_at_all_and_done_says_failed()
    {
        // The second file is over the Free tier's 50 KB: the first must not be written either.
        _upstream.Reply = $"```file:kept.txt\nnew\n```\n```file:big.txt\n{new string('x', 60 * 1024)}\n```\n";
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        await WriteFileAsync(user, project, "kept.txt", "old");

        var events = await ChatEvents.ChatAsync(user.Client, project, "Write both");

        var edits = events[^1].Data.GetProperty("edits");
        Assert.Equal("failed", edits.GetProperty("status").GetString());
        Assert.Contains("big.txt", edits.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var kept = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/files/kept.txt", Cancellation);
        using var big = await user.Client.GetAsync($"/api/projects/{project}/files/big.txt", Cancellation);
        Assert.Equal("old", kept.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.NotFound, big.StatusCode);
    }

    private static async Task WriteFileAsync(SignedInUser user, Guid project, string path, string content)
    {
        using var response = await user.Client.PostAsJsonAsync(
            $"/api/projects/{project}/files/batch", new { operations = new[] { new { op = "create", path, content } } }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_gateway_is_asked_to_stream_with_the_edit_format_and_the_recent_conversation_only()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        await ChatEvents.ChatAsync(user.Client, project, "one");
        await ChatEvents.ChatAsync(user.Client, project, "two");
        _upstream.Requests.Clear();

        await ChatEvents.ChatAsync(user.Client, project, "three");

        var request = Assert.Single(_upstream.Requests);
        Assert.True(request.GetProperty("stream").GetBoolean());
        Assert.Equal(8192, request.GetProperty("max_tokens").GetInt32());
        Assert.Contains("```file:path/to/file.ext", request.GetProperty("system").GetString(), StringComparison.Ordinal);
        Assert.Contains("```delete:path/to/file.ext", request.GetProperty("system").GetString(), StringComparison.Ordinal);
        // Chat:ContextMessages is 3: "one" and its reply are too old, and the cut must not leave the reply leading.
        var messages = request.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).ToList();
        Assert.Equal([("user", "two"), ("assistant", _upstream.Reply), ("user", "three")], messages);
    }

    [Theory]
    [InlineData("break")]
    [InlineData("overloaded")]
    public async Task A_reply_that_fails_mid_stream_ends_with_an_error_event_and_stores_only_the_users_message(string scenario)
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = scenario });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new List<ChatEvent>();
        await foreach (var item in ChatEvents.Read(response))
        {
            events.Add(item);
            if (events.Count(e => e.Name == "delta") == 2)
            {
                _upstream.BreakGate.TrySetResult();
            }
        }

        Assert.Equal("message_saved", events[0].Name);
        Assert.Equal("Half a reply", ChatEvents.Text(events));
        Assert.Equal("error", events[^1].Name);
        Assert.DoesNotContain(events, e => e.Name == "done");
        Assert.Equal("gateway_error", events[^1].Data.GetProperty("type").GetString());
        if (scenario == "overloaded")
        {
            Assert.Equal("overloaded_error", events[^1].Data.GetProperty("gatewayErrorType").GetString());
        }

        var stored = Assert.Single(await Conversations.AllMessagesAsync(user, project));
        Assert.Equal("user", stored.GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_upstream_failure_before_the_stream_is_a_502_problem_and_stores_nothing()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = "500" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("The gateway failed", problem.GetProperty("title").GetString());
        Assert.Equal(500, problem.GetProperty("gatewayStatus").GetInt32());
        Assert.Empty(await Conversations.AllMessagesAsync(user, project));
    }

    [Fact]
    public async Task A_client_that_leaves_mid_reply_cancels_the_upstream_call_and_no_reply_is_stored()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using (var response = await ChatEvents.PostAsync(user.Client, project, new { content = "hold" }))
        {
            await using var events = ChatEvents.Read(response).GetAsyncEnumerator(Cancellation);
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("message_saved", events.Current.Name);
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("delta", events.Current.Name);
        }

        // The Api cancels its Gateway call, and the Gateway its upstream call: the upstream sees the hang-up.
        await _upstream.Abandoned.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var stored = Assert.Single(await Conversations.AllMessagesAsync(user, project));
        Assert.Equal("hold", stored.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_reply_that_cannot_be_stored_ends_in_an_error_event_and_leaves_no_reply()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        using var response = await ChatEvents.PostAsync(user.Client, project, new { content = "pause" });
        await using var events = ChatEvents.Read(response).GetAsyncEnumerator(Cancellation);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("message_saved", events.Current.Name);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("delta", events.Current.Name);

        // The project goes while its reply streams: the reply completes but has nowhere to be stored.
        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        _upstream.PauseGate.SetResult();
        var rest = new List<ChatEvent>();
        while (await events.MoveNextAsync())
        {
            rest.Add(events.Current);
        }

        var error = Assert.Single(rest, e => e.Name == "error");
        Assert.Same(error, rest[^1]);
        Assert.DoesNotContain(rest, e => e.Name == "done");
        Assert.Equal("internal_error", error.Data.GetProperty("type").GetString());
        Assert.Equal(0L, await CountMessagesAsync(project));
    }

    private async Task<long> CountMessagesAsync(Guid project)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_api.DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM messages WHERE project_id = $1", connection) { Parameters = { new() { Value = project } } };
        return (long)(await count.ExecuteScalarAsync(Cancellation))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }
}
