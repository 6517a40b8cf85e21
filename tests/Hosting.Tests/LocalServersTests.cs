using System.Net.Sockets;
using System.Text;
using Hosting.Testing;
using Npgsql;

namespace Hosting.Tests;

/// <summary>Real PostgreSQL and Redis started by the engine as local processes, as the AppHost does without a container engine.</summary>
public class LocalServersTests : IDisposable
{
    private readonly TempStateDirectory _state = new();

    private DistributedApplication BuildApp()
    {
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _state.Path,
            ["AppHost:ContainerRuntime"] = "none",
        });
        var postgres = builder.AddPostgres("pg").WithDataVolume();
        postgres.AddDatabase("appdb");
        builder.AddRedis("cache").WithDataVolume();
        return builder.Build();
    }

    [Fact]
    public async Task Servers_start_password_protected_keep_their_data_and_shut_down_cleanly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        int postgresPid;
        await using (var app = BuildApp())
        {
            await app.StartWithinAsync(TimeSpan.FromMinutes(2), cancellationToken);

            Assert.All(app.ResourceNotifications.Current, s => Assert.Equal(ResourceStateKind.Running, s.State));
            await using (var connection = new NpgsqlConnection(app.GetConnectionString("appdb")))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var noPassword = new NpgsqlConnectionStringBuilder(app.GetConnectionString("appdb")) { Password = "wrong" }.ConnectionString;
            await Assert.ThrowsAsync<PostgresException>(async () =>
            {
                await using var connection = new NpgsqlConnection(noPassword);
                await connection.OpenAsync(cancellationToken);
            });

            var redisPort = int.Parse(app.GetConnectionString("cache").Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith("-NOAUTH", await RedisAsync(redisPort, cancellationToken, "SET", "k", "v"));
            var password = app.GetConnectionString("cache").Split("password=")[1];
            Assert.Equal("+OK", await RedisAsync(redisPort, cancellationToken, "AUTH", password));
            Assert.Equal("+OK", await RedisAuthedAsync(redisPort, password, cancellationToken, "SET", "k", "kept"));
            postgresPid = app.ResourceNotifications.Get("pg").ProcessId!.Value;
        }

        Assert.False(Directory.Exists($"/proc/{postgresPid}"), "PostgreSQL still runs after StopAsync");
        var postgresLog = await File.ReadAllTextAsync(Path.Combine(_state.Path, "logs", "pg.log"), cancellationToken);
        Assert.Contains("database system is shut down", postgresLog);
        Assert.Empty(Directory.GetFiles(Path.Combine(_state.Path, "run")));

        await using (var again = BuildApp())
        {
            await again.StartWithinAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await using var connection = new NpgsqlConnection(again.GetConnectionString("appdb"));
            await connection.OpenAsync(cancellationToken);
            await using var read = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("survives", await read.ExecuteScalarAsync(cancellationToken));

            var redisPort = int.Parse(again.GetConnectionString("cache").Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            var password = again.GetConnectionString("cache").Split("password=")[1];
            Assert.Equal("$4", (await RedisAuthedAsync(redisPort, password, cancellationToken, "GET", "k")).Split("\r\n")[0]);
        }
    }

    [Fact]
    public async Task A_crashed_server_is_restarted_visibly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = BuildApp();
        await app.StartWithinAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var before = app.ResourceNotifications.Get("cache");

        Processes.Native.SendSignal(before.ProcessId!.Value, Processes.Native.SigKill);

        var after = await app.ResourceNotifications
            .WaitForAsync("cache", s => s.State == ResourceStateKind.Running && s.Restarts == 1, cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.Contains(app.ResourceLogs["cache"].Snapshot(), l => l.Text.Contains("cache exited with code 137; restarting in 1s (restart 1)", StringComparison.Ordinal));
    }

    private static async Task<string> RedisAsync(int port, CancellationToken cancellationToken, params string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Redis.RespProbe.Encode(command), cancellationToken);
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read).TrimEnd();
    }

    private static async Task<string> RedisAuthedAsync(int port, string password, CancellationToken cancellationToken, params string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Redis.RespProbe.Encode("AUTH", password).Concat(Redis.RespProbe.Encode(command)).ToArray(), cancellationToken);
        using var reader = new StreamReader(stream);
        Assert.Equal("+OK", await reader.ReadLineAsync(cancellationToken));
        var first = await reader.ReadLineAsync(cancellationToken);
        return first!.StartsWith('$') && first != "$-1" ? first + "\r\n" + await reader.ReadLineAsync(cancellationToken) : first;
    }

    public void Dispose() => _state.Dispose();
}
