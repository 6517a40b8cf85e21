using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using Npgsql;
using TestSupport;

namespace Api.Tests.Features.Search;

public sealed class SearchTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Fact]
    public async Task Files_and_messages_are_found_by_stemmed_words_and_a_path_match_ranks_first()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Billing");
        await WriteFilesAsync(user, project, ("src/invoices/Invoice.cs", "class Invoice { }"), ("docs/notes.md", "We talked about invoices and taxes."));
        await InsertMessageAsync(project, "user", "Please rename the invoicing module.");
        await InsertMessageAsync(project, "assistant", "Nothing relevant here.");

        var hits = await SearchAsync(user, "invoice");

        Assert.Equal(["file:docs/notes.md", "file:src/invoices/Invoice.cs", "message:user"], hits.Select(Describe).Order());
        Assert.Equal("file:src/invoices/Invoice.cs", Describe(hits[0]));
        Assert.Equal("Billing", hits[0].GetProperty("projectName").GetString());
        Assert.Contains(hits, h => h.GetProperty("snippet").GetString()!.Contains("«invoices»", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_users_files_and_messages_are_never_found()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var project = await ProjectCalls.CreateAsync(owner, "Secret");
        await WriteFilesAsync(owner, project, ("plan.md", "the zeppelin launch plan"));
        await InsertMessageAsync(project, "user", "zeppelin questions");

        Assert.Empty(await SearchAsync(other, "zeppelin"));
        Assert.Equal(2, (await SearchAsync(owner, "zeppelin")).Count);
    }

    [Fact]
    public async Task A_project_filter_keeps_only_that_projects_matches_and_limit_caps_the_count()
    {
        using var user = await _api.SignUpAsync();
        var first = await ProjectCalls.CreateAsync(user, "First");
        var second = await ProjectCalls.CreateAsync(user, "Second");
        await WriteFilesAsync(user, first, ("a.md", "walrus"), ("b.md", "walrus walrus"));
        await WriteFilesAsync(user, second, ("c.md", "walrus"));

        var onlyFirst = await SearchAsync(user, $"walrus&projectId={first}");
        var limited = await SearchAsync(user, "walrus&limit=1");

        Assert.Equal(2, onlyFirst.Count);
        Assert.All(onlyFirst, h => Assert.Equal(first, h.GetProperty("projectId").GetGuid()));
        Assert.Single(limited);
        Assert.Equal("b.md", limited[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_query_of_stop_words_only_finds_nothing_rather_than_failing()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Words");
        await WriteFilesAsync(user, project, ("a.md", "the and of"));

        Assert.Empty(await SearchAsync(user, "the"));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("?q=", "q")]
    [InlineData("?q=a%00b", "q")]
    [InlineData("?q=x&limit=0", "limit")]
    [InlineData("?q=x&limit=51", "limit")]
    public async Task A_bad_query_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var user = await _api.SignUpAsync();
        using var response = await user.Client.GetAsync($"/api/search{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Web_search_syntax_with_quotes_minus_and_unbalanced_input_never_fails()
    {
        using var user = await _api.SignUpAsync();
        foreach (var q in new[] { "\"exact phrase\"", "-excluded word", "a or b", "((( !!! :*", "'; DROP TABLE projects; --" })
        {
            using var response = await user.Client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}", Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string Describe(JsonElement hit) =>
        hit.GetProperty("kind").GetString() == "file"
            ? $"file:{hit.GetProperty("path").GetString()}"
            : $"message:{hit.GetProperty("role").GetString()}";

    private static async Task<List<JsonElement>> SearchAsync(SignedInUser user, string q)
    {
        var response = await user.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={q}", Cancellation);
        return [.. response.GetProperty("items").EnumerateArray()];
    }

    private static async Task WriteFilesAsync(SignedInUser user, Guid project, params (string Path, string Content)[] files)
    {
        using var response = await user.Client.PostAsJsonAsync($"/api/projects/{project}/files/batch", new
        {
            operations = files.Select(f => new { op = "create", path = f.Path, content = f.Content }),
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Messages normally come from chat; here they are inserted as rows so search is tested without a gateway.
    private async Task InsertMessageAsync(Guid project, string role, string content)
    {
        await using var connection = new NpgsqlConnection(_api.DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            "INSERT INTO messages (id, project_id, role, content, created_at) VALUES (@id, @project, @role, @content, now())", connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("content", content);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
