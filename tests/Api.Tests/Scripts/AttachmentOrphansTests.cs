using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Scripts;

public sealed class AttachmentOrphansTests(PostgresServer postgres, RedisFixture redis) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orphan-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Old_files_without_a_row_are_deleted_and_attachments_and_recent_files_are_kept()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?> { ["Storage:Local:RootPath"] = _root });
        using var user = await api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "p");
        await AttachmentCalls.UploadRawAsync(user, project, "kept.txt", [1, 2, 3]);
        var kept = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(kept, DateTime.UtcNow.AddHours(-3));
        var orphan = Write("projects/0badc0de/orphan", DateTime.UtcNow.AddHours(-2));
        var inFlight = Write("projects/0badc0de/.tmp-upload", DateTime.UtcNow);

        var listed = await ScriptRunner.RunAsync("attachment-orphans.sh", api.DatabaseConnectionString, "--attachments", _root);
        var deleted = await ScriptRunner.RunAsync("attachment-orphans.sh", api.DatabaseConnectionString, "--attachments", _root, "--delete");

        Assert.True(listed.ExitCode == 0, listed.Output);
        Assert.Contains("orphan projects/0badc0de/orphan", listed.Output, StringComparison.Ordinal);
        Assert.True(deleted.ExitCode == 0, deleted.Output);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(kept));
        Assert.True(File.Exists(inFlight));
    }

    private string Write(string key, DateTime modified)
    {
        var path = Path.Combine(_root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [9]);
        File.SetLastWriteTimeUtc(path, modified);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
