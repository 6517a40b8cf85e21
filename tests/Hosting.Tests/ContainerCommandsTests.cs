using Hosting.Containers;

namespace Hosting.Tests;

public class ContainerCommandsTests
{
    [Fact]
    public void RunPostgres_publishes_on_loopback_with_env_file_and_volume()
    {
        var postgres = new PostgresServerResource("postgres") { PersistData = true };

        var arguments = ContainerCommands.RunPostgres("apphost-1234", postgres, 55432, "/state/secrets/postgres.env");

        Assert.Equal(
            ["run", "--rm", "--name", "apphost-1234-postgres", "--label", "aspire-stack.apphost=apphost-1234",
             "--publish", "127.0.0.1:55432:5432", "--env-file", "/state/secrets/postgres.env",
             "--volume", "apphost-1234-postgres-data:/var/lib/postgresql/data", "docker.io/library/postgres:17"],
            arguments);
    }

    [Fact]
    public void RunPostgres_without_data_volume_mounts_nothing()
    {
        var arguments = ContainerCommands.RunPostgres("a", new PostgresServerResource("pg"), 1, "/e");

        Assert.DoesNotContain("--volume", arguments);
    }

    [Fact]
    public void RunRedis_reads_the_password_from_the_env_file_not_the_command_line()
    {
        var redis = new RedisResource("cache") { PersistData = true };

        var arguments = ContainerCommands.RunRedis("apphost-1234", redis, 6380, "/state/secrets/cache.env");

        Assert.Contains("127.0.0.1:6380:6379", arguments);
        Assert.Equal("/state/secrets/cache.env", arguments[arguments.ToList().IndexOf("--env-file") + 1]);
        Assert.Contains("apphost-1234-cache-data:/data", arguments);
        Assert.Equal("exec redis-server --requirepass \"$REDIS_PASSWORD\" --appendonly yes --save ''", arguments[^1]);
        Assert.Equal(["docker.io/library/redis:7.4", "sh", "-c"], arguments.Skip(arguments.Count - 4).Take(3));
    }

    [Fact]
    public void Env_files_carry_the_passwords()
    {
        Assert.Equal("POSTGRES_USER=postgres\nPOSTGRES_PASSWORD=s3cret\n", ContainerCommands.PostgresEnvFile("postgres", "s3cret"));
        Assert.Equal("REDIS_PASSWORD=s3cret\n", ContainerCommands.RedisEnvFile("s3cret"));
    }

    [Fact]
    public void Stop_gives_the_server_its_grace_period_and_remove_forces()
    {
        Assert.Equal(["stop", "--time", "5", "x"], ContainerCommands.Stop("x", TimeSpan.FromSeconds(4.2)));
        Assert.Equal(["rm", "--force", "x"], ContainerCommands.Remove("x"));
    }

    [Fact]
    public async Task An_engine_that_is_not_installed_does_not_answer()
    {
        Assert.False(await ContainerCli.EngineAnswersAsync("no-such-container-engine", TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken));
    }
}
