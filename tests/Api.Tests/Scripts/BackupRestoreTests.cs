using System.Security.Cryptography;
using Api.Tests.Support;
using Npgsql;
using TestSupport;

namespace Api.Tests.Scripts;

/// <summary>scripts/backup.sh and scripts/restore.sh, run as an operator would, on a real database the Api filled.</summary>
public sealed class BackupRestoreTests(PostgresServer postgres, RedisFixture redis) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "backup-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_has_the_same_rows_and_attachment_files()
    {
        var attachments = Path.Combine(_work, "attachments");
        await using var api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?> { ["Storage:Local:RootPath"] = attachments });
        using var user = await api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Precious");
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var attachment = (await AttachmentCalls.UploadRawAsync(user, project, "data.bin", bytes)).GetProperty("id").GetGuid();

        var backup = await ScriptRunner.RunAsync("backup.sh", api.DatabaseConnectionString, "--out", Path.Combine(_work, "backup"), "--attachments", attachments);
        var target = await postgres.CreateDatabaseAsync("restored", Cancellation);
        var restoredFiles = Path.Combine(_work, "restored-attachments");
        var restore = await ScriptRunner.RunAsync("restore.sh", target, Path.Combine(_work, "backup"), "--attachments", restoredFiles);

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Contains("backup verified", backup.Output, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal("Precious", await ScalarAsync(target, $"SELECT name FROM projects WHERE id = '{project}'"));
        Assert.Equal(user.Email, await ScalarAsync(target, $"SELECT email FROM users WHERE id = '{user.Id}'"));
        var key = (string?)await ScalarAsync(target, $"SELECT storage_key FROM attachments WHERE id = '{attachment}'");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(restoredFiles, key!), Cancellation));
    }

    [Fact]
    public async Task A_restore_refuses_a_damaged_backup_and_a_database_that_is_not_empty()
    {
        await using var api = await ApiFactory.StartAsync(postgres, redis,
            new Dictionary<string, string?> { ["Storage:Local:RootPath"] = Path.Combine(_work, "none") });
        var backupDirectory = Path.Combine(_work, "backup");
        var backup = await ScriptRunner.RunAsync("backup.sh", api.DatabaseConnectionString, "--out", backupDirectory, "--attachments", Path.Combine(_work, "none"));

        var intoLive = await ScriptRunner.RunAsync("restore.sh", api.DatabaseConnectionString, backupDirectory);
        await File.AppendAllTextAsync(Path.Combine(backupDirectory, "appdb.dump"), "tampered", Cancellation);
        var damaged = await ScriptRunner.RunAsync("restore.sh", await postgres.CreateDatabaseAsync("damaged", Cancellation), backupDirectory);

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.NotEqual(0, intoLive.ExitCode);
        Assert.Contains("pass --force", intoLive.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, damaged.ExitCode);
        Assert.Contains("damaged", damaged.Output, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Cancellation);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
