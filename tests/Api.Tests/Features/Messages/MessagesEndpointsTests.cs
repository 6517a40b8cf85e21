using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using Npgsql;
using TestSupport;

namespace Api.Tests.Features.Messages;

public sealed class MessagesEndpointsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateTimeOffset AnHourAgo => DateTimeOffset.UtcNow.AddHours(-1);

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Fact]
    public async Task Pages_of_the_default_50_run_newest_first_through_every_message_once()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        var ids = await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 120, AnHourAgo);

        var pages = await PageThroughAsync(user, project, limit: null, betweenPages: () => Task.CompletedTask);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task No_message_is_skipped_or_repeated_while_messages_are_inserted_between_pages()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        var before = await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 130, AnHourAgo);
        var inserted = new List<Guid>();
        // Each batch spans 7 ms; a page can come back sooner, so the batches' clock moves on by itself, never back.
        var next = DateTimeOffset.UtcNow;

        var pages = await PageThroughAsync(user, project, limit: 25, betweenPages: async () =>
        {
            inserted.AddRange(await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 7, next));
            next = next.AddMilliseconds(7);
        });

        Assert.Equal(6, pages.Count);
        Assert.Equal(Enumerable.Reverse(before), pages.SelectMany(p => p));
        Assert.Equal(6 * 7, inserted.Count);
        var fresh = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/messages?limit=42", Cancellation);
        Assert.Equal(Enumerable.Reverse(inserted), Ids(fresh));
    }

    [Fact]
    public async Task A_page_holds_only_the_projects_own_messages_with_their_fields()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user, "one");
        var other = await Conversations.CreateProjectAsync(user, "two");
        await Conversations.InsertAsync(_api.DatabaseConnectionString, other, 3, AnHourAgo);
        var ids = await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 2, AnHourAgo);

        var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/messages", Cancellation);

        Assert.Equal(Enumerable.Reverse(ids), Ids(page));
        Assert.False(page.GetProperty("hasMore").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var newest = page.GetProperty("items")[0];
        Assert.Equal("assistant", newest.GetProperty("role").GetString());
        Assert.Equal("message 1", newest.GetProperty("content").GetString());
    }

    [Fact]
    public async Task An_empty_conversation_is_an_empty_page()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/messages", Cancellation);

        Assert.Empty(Ids(page));
        Assert.False(page.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Another_users_or_an_unknown_projects_messages_are_not_found()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var project = await Conversations.CreateProjectAsync(owner);
        await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 3, AnHourAgo);

        using var theirs = await other.Client.GetAsync($"/api/projects/{project}/messages", Cancellation);
        using var unknown = await owner.Client.GetAsync($"/api/projects/{Guid.CreateVersion7()}/messages", Cancellation);
        using var anonymous = _api.CreateHttpClient();
        using var signedOut = await anonymous.GetAsync($"/api/projects/{project}/messages", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("Project not found", (await theirs.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    public async Task A_bad_page_request_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);

        using var response = await user.Client.GetAsync($"/api/projects/{project}/messages{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Deleting_a_project_deletes_its_messages()
    {
        using var user = await _api.SignUpAsync();
        var project = await Conversations.CreateProjectAsync(user);
        await Conversations.InsertAsync(_api.DatabaseConnectionString, project, 4, AnHourAgo);

        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var connection = new NpgsqlConnection(_api.DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM messages WHERE project_id = $1", connection) { Parameters = { new() { Value = project } } };
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancellation));
    }

    private static async Task<List<List<Guid>>> PageThroughAsync(SignedInUser user, Guid project, int? limit, Func<Task> betweenPages)
    {
        var pages = new List<List<Guid>>();
        string? cursor = null;
        do
        {
            var query = string.Join('&', new[] { limit is null ? null : $"limit={limit}", cursor is null ? null : $"cursor={cursor}" }.OfType<string>());
            var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/messages?{query}", Cancellation);
            pages.Add(Ids(page));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
            await betweenPages();
        }
        while (cursor is not null);

        return pages;
    }

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid())];

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
