using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

public sealed class FileBatchTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Fact]
    public async Task A_batch_creates_updates_and_deletes_and_answers_each_files_new_version()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("src/app.ts", "v1"), Create("old.txt", "bye"));

        var files = await user.Client.AppliedAsync(project, Update("src/app.ts", "v2 ✓", 1), Delete("old.txt", 1), Create("README.md", ""));

        Assert.Equal(["src/app.ts", "old.txt", "README.md"], files.EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(2, files[0].GetProperty("version").GetInt64());
        Assert.Equal(6, files[0].GetProperty("size").GetInt32());
        Assert.Equal(JsonValueKind.Null, files[1].GetProperty("version").ValueKind);
        Assert.Equal(1, files[2].GetProperty("version").GetInt64());
        Assert.Equal(["README.md@1:", "src/app.ts@2:v2 ✓"], await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task A_file_is_read_by_its_path_with_content_version_size_and_sha256()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("src/lib/util.ts", "export const x = 1;\n"));

        var file = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/files/src/lib/util.ts", Cancellation);
        using var missing = await user.Client.GetAsync($"/api/projects/{project}/files/src/nope.ts", Cancellation);

        Assert.Equal("export const x = 1;\n", file.GetProperty("content").GetString());
        Assert.Equal(1, file.GetProperty("version").GetInt64());
        Assert.Equal(20, file.GetProperty("size").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("export const x = 1;\n"u8)), file.GetProperty("sha256").GetString());
        Assert.Contains("src/nope.ts", (await ProblemAsync(missing, HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_through_every_file_once_in_creation_order_without_content()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        var paths = Enumerable.Range(0, 7).Select(i => $"f{i}.txt").ToList();
        foreach (var path in paths)
        {
            await user.Client.AppliedAsync(project, Create(path, path));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/files?limit=3&cursor={cursor}", Cancellation);
            Assert.All(page.GetProperty("items").EnumerateArray(), f => Assert.False(f.TryGetProperty("content", out _)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("path").GetString()!));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(paths, seen);
    }

    [Fact]
    public async Task A_batch_with_stale_versions_is_a_409_naming_every_offending_file_and_applies_nothing()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("a.txt", "a"), Create("b.txt", "b"), Create("c.txt", "c"));
        await user.Client.AppliedAsync(project, Update("a.txt", "a2", 1));
        var before = await SnapshotAsync(_api.DatabaseConnectionString, project);

        using var response = await user.Client.BatchAsync(project,
            Create("new.txt", "n"), Update("a.txt", "stale", 1), Create("b.txt", "again"), Delete("ghost.txt", 1), Update("c.txt", "fine", 1));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);

        var conflicts = problem.GetProperty("conflicts").EnumerateArray().ToList();
        Assert.Equal(["a.txt", "b.txt", "ghost.txt"], conflicts.Select(c => c.GetProperty("path").GetString()));
        Assert.Equal([1, 2, 3], conflicts.Select(c => c.GetProperty("index").GetInt32()));
        Assert.Equal(2, conflicts[0].GetProperty("currentVersion").GetInt64());
        Assert.Contains("a.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task Of_concurrent_batches_expecting_the_same_version_exactly_one_wins()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("shared.txt", "v1"), Create("other.txt", "v1"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await user.Client.BatchAsync(project, Update("other.txt", $"writer {i}", 1), Update("shared.txt", $"writer {i}", 1));
            return (i, response.StatusCode);
        }));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal([$"other.txt@2:writer {winner.i}", $"shared.txt@2:writer {winner.i}"], await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task Deleting_a_project_deletes_its_files()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("a.txt", "a"));

        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
