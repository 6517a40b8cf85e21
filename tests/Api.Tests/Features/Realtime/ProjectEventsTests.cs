using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Realtime;

public sealed class ProjectEventsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?> { ["Realtime:HeartbeatInterval"] = "00:00:00.200" });

    [Fact]
    public async Task A_rename_reaches_the_owners_open_stream_as_a_project_renamed_event()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Before");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events");

        await ProjectCalls.RenameAsync(user, project, "After");
        var frame = await stream.ReadUntilAsync(f => f.Event is not null);

        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.Equal("project.renamed", frame.Event);
        var data = JsonDocument.Parse(frame.Data!).RootElement;
        Assert.Equal(frame.Id, data.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(project, data.GetProperty("projectId").GetGuid());
        Assert.Equal("After", data.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_applied_file_batch_reaches_the_stream_as_files_changed_with_its_paths()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Files");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events");

        using var batch = await user.Client.PostAsJsonAsync($"/api/projects/{project}/files/batch", new
        {
            operations = new object[]
            {
                new { op = "create", path = "src/a.ts", content = "a" },
                new { op = "create", path = "b.md", content = "b" },
            },
        }, Cancellation);
        var frame = await stream.ReadUntilAsync(f => f.Event is not null);

        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal("files.changed", frame.Event);
        var paths = JsonDocument.Parse(frame.Data!).RootElement.GetProperty("data").GetProperty("paths");
        Assert.Equal(["src/a.ts", "b.md"], paths.EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeat_comments()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Quiet");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events");

        var frame = await stream.ReadFrameAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(frame);
        Assert.Contains(" heartbeat", frame.Comments);
        Assert.Null(frame.Event);
    }

    [Fact]
    public async Task Deleting_the_project_sends_project_deleted_and_ends_the_stream()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Doomed");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events");

        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}", Cancellation);
        var frame = await stream.ReadUntilAsync(f => f.Event is not null);
        var rest = await stream.ReadBodyAsync();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("project.deleted", frame.Event);
        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_receives_only_what_it_missed()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "v0");
        await ProjectCalls.RenameAsync(user, project, "v1");
        await ProjectCalls.RenameAsync(user, project, "v2");
        await ProjectCalls.RenameAsync(user, project, "v3");

        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events", lastEventId: "1");
        var first = await stream.ReadUntilAsync(f => f.Event is not null);
        var second = await stream.ReadUntilAsync(f => f.Event is not null);

        Assert.Equal(("2", "v2"), (first.Id, Name(first)));
        Assert.Equal(("3", "v3"), (second.Id, Name(second)));
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_a_number_is_a_validation_problem()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "p");
        await using var stream = await EventStreamClient.OpenAsync(user.Client, $"/api/projects/{project}/events", lastEventId: "abc");

        Assert.Equal(HttpStatusCode.BadRequest, stream.StatusCode);
        Assert.Contains("Last-Event-ID", await stream.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_project_stream_is_not_found_and_an_anonymous_one_is_unauthorized()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        using var anonymous = _api.CreateHttpClient();
        var project = await ProjectCalls.CreateAsync(owner, "Private");

        await using var foreign = await EventStreamClient.OpenAsync(other.Client, $"/api/projects/{project}/events");
        await using var unsigned = await EventStreamClient.OpenAsync(anonymous, $"/api/projects/{project}/events");
        using var token = await other.Client.PostAsync($"/api/projects/{project}/events/token", null, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.ContentType);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }

    [Fact]
    public async Task A_stream_token_opens_its_projects_stream_without_a_header_and_no_other()
    {
        using var user = await _api.SignUpAsync();
        using var anonymous = _api.CreateHttpClient();
        var project = await ProjectCalls.CreateAsync(user, "Browser");
        var otherProject = await ProjectCalls.CreateAsync(user, "Other");
        using var issued = await user.Client.PostAsync($"/api/projects/{project}/events/token", null, Cancellation);
        var token = await issued.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        await using var stream = await EventStreamClient.OpenAsync(anonymous, token.GetProperty("url").GetString()!);
        await ProjectCalls.RenameAsync(user, project, "Seen");
        var frame = await stream.ReadUntilAsync(f => f.Event is not null);
        await using var wrongProject = await EventStreamClient.OpenAsync(
            anonymous, $"/api/projects/{otherProject}/events?access_token={token.GetProperty("token").GetString()}");
        await using var forged = await EventStreamClient.OpenAsync(anonymous, $"/api/projects/{project}/events?access_token=evt_{new string('A', 43)}");

        Assert.Equal("project.renamed", frame.Event);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongProject.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_stream_token_stops_working_when_its_session_logs_out()
    {
        using var user = await _api.SignUpAsync();
        using var anonymous = _api.CreateHttpClient();
        var project = await ProjectCalls.CreateAsync(user, "p");
        using var issued = await user.Client.PostAsync($"/api/projects/{project}/events/token", null, Cancellation);
        var url = (await issued.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("url").GetString()!;

        using var logout = await user.Client.PostAsync("/api/accounts/logout", null, Cancellation);
        await using var stream = await EventStreamClient.OpenAsync(anonymous, url);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
    }

    private static string? Name(SseFrame frame) =>
        JsonDocument.Parse(frame.Data!).RootElement.GetProperty("data").GetProperty("name").GetString();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
