using System.Net.Sockets;
using Hosting.Testing;

namespace Hosting.Tests;

public class ContainerModeTests : IDisposable
{
    private readonly TempStateDirectory _state = new();
    private readonly FakeDockerCli _docker = new();

    [Fact]
    public async Task With_an_engine_redis_runs_as_a_named_container_that_is_stopped_through_the_engine()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _state.Path,
            ["AppHost:ContainerRuntime"] = _docker.Command,
        });
        builder.AddRedis("cache");
        var app = builder.Build();

        await app.StartWithinAsync(TimeSpan.FromMinutes(1), cancellationToken);
        var connection = app.GetConnectionString("cache");
        var port = int.Parse(connection.Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var password = connection.Split("password=")[1];
        Assert.True(await Redis.RespProbe.PingAsync(port, password, cancellationToken));
        var record = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_state.Path, "run")).Single(), cancellationToken);
        await app.StopAsync();

        var container = Assert.Single(_docker.Calls, c => c.StartsWith("run ", StringComparison.Ordinal));
        var name = container.Split(' ')[3];
        Assert.Matches("^[a-z0-9-]+-cache$", name);
        Assert.Contains($"--publish 127.0.0.1:{port}:6379", container);
        Assert.Contains($"--env-file {Path.Combine(_state.Path, "secrets", "cache.env")}", container);
        Assert.DoesNotContain(password, string.Join('\n', _docker.Calls));
        Assert.Contains($"\"ContainerName\":\"{name}\"", record);
        Assert.Equal([$"version --format {{{{.Server.Version}}}}", "pull docker.io/library/redis:7.4", $"rm --force {name}"], _docker.Calls.Take(3));
        Assert.Equal($"stop --time 4 {name}", _docker.Calls[^1]);
        Assert.False(await Redis.RespProbe.PingAsync(port, password, cancellationToken));
    }

    [Fact]
    public void A_container_runtime_that_is_neither_a_name_nor_a_full_path_is_refused()
    {
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _state.Path,
            ["AppHost:ContainerRuntime"] = "bin/docker",
        });

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("full path of a docker-compatible command", problem.Message);
    }

    public void Dispose()
    {
        _docker.Dispose();
        _state.Dispose();
    }
}
