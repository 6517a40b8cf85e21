using System.Net;
using System.Net.Http.Json;
using Api.Tests.Support;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

public sealed class FileTenancyTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Fact]
    public async Task Another_user_can_neither_list_read_create_update_nor_delete_a_projects_files()
    {
        using var owner = await _api.SignUpAsync("owner");
        using var other = await _api.SignUpAsync("other");
        var project = await owner.Client.CreateProjectAsync();
        await owner.Client.AppliedAsync(project, Create("secret.txt", "owner's"));
        var before = await SnapshotAsync(_api.DatabaseConnectionString, project);

        using var list = await other.Client.GetAsync($"/api/projects/{project}/files", Cancellation);
        using var read = await other.Client.GetAsync($"/api/projects/{project}/files/secret.txt", Cancellation);
        using var create = await other.Client.BatchAsync(project, Create("planted.txt", "x"));
        using var update = await other.Client.BatchAsync(project, Update("secret.txt", "mine", 1));
        using var delete = await other.Client.BatchAsync(project, Delete("secret.txt", 1));

        foreach (var response in new[] { list, read, create, update, delete })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Equal("Project not found", problem.GetProperty("title").GetString());
        }

        Assert.Equal(before, await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task The_same_path_in_two_users_projects_is_two_files()
    {
        using var first = await _api.SignUpAsync("first");
        using var second = await _api.SignUpAsync("second");
        var firstProject = await first.Client.CreateProjectAsync();
        var secondProject = await second.Client.CreateProjectAsync();

        await first.Client.AppliedAsync(firstProject, Create("index.html", "first"));
        await second.Client.AppliedAsync(secondProject, Create("index.html", "second"));

        var file = await first.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/projects/{firstProject}/files/index.html", Cancellation);
        Assert.Equal("first", file.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Files_need_a_signed_in_user()
    {
        using var owner = await _api.SignUpAsync("owner");
        var project = await owner.Client.CreateProjectAsync();
        using var anonymous = _api.CreateHttpClient();

        using var response = await anonymous.BatchAsync(project, Create("a.txt", "x"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
