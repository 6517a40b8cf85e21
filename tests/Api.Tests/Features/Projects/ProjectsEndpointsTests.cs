using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Projects;

public sealed class ProjectsEndpointsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Theory]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("{}")]
    public async Task Creating_a_project_without_a_name_is_a_validation_problem_on_name(string body)
    {
        using var user = await _api.SignUpAsync();
        var problem = await PostProblemAsync(user, body);

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Creating_a_project_with_a_201_character_name_is_a_validation_problem_on_name()
    {
        using var user = await _api.SignUpAsync();
        var problem = await PostProblemAsync(user, JsonSerializer.Serialize(new { name = new string('x', 201) }));

        Assert.Equal("A project name has at most 200 characters.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task A_project_is_created_renamed_read_and_deleted_by_its_owner()
    {
        using var user = await _api.SignUpAsync();
        var created = await CreateAsync(user, "Apollo");

        using var renamed = await user.Client.PatchAsJsonAsync($"/api/projects/{created}", new { name = "Artemis" }, Cancellation);
        var read = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{created}", Cancellation);
        using var deleted = await user.Client.DeleteAsync($"/api/projects/{created}", Cancellation);
        using var gone = await user.Client.GetAsync($"/api/projects/{created}", Cancellation);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Artemis", read.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_list_pages_newest_first_through_every_project_once()
    {
        using var user = await _api.SignUpAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await CreateAsync(user, $"p{i}"));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects?limit=3&cursor={cursor}", Cancellation);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    public async Task A_bad_page_request_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var user = await _api.SignUpAsync();
        using var response = await user.Client.GetAsync($"/api/projects{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Another_users_project_cannot_be_read_listed_renamed_or_deleted()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var id = await CreateAsync(owner, "Private");

        using var read = await other.Client.GetAsync($"/api/projects/{id}", Cancellation);
        var list = await other.Client.GetFromJsonAsync<JsonElement>("/api/projects", Cancellation);
        using var rename = await other.Client.PatchAsJsonAsync($"/api/projects/{id}", new { name = "Mine now" }, Cancellation);
        using var delete = await other.Client.DeleteAsync($"/api/projects/{id}", Cancellation);
        var still = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("Private", still.GetProperty("name").GetString());
    }

    private static async Task<Guid> CreateAsync(SignedInUser user, string name)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/projects", new { name }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PostProblemAsync(SignedInUser user, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await user.Client.PostAsync("/api/projects", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
