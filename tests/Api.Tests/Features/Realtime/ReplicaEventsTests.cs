using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Realtime;

/// <summary>Two Api processes' worth of hosts on one database and one Redis, as two replicas behind a load balancer.</summary>
public sealed class ReplicaEventsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _first = null!;
    private ApiFactory _second = null!;

    public async ValueTask InitializeAsync()
    {
        _first = await ApiFactory.StartAsync(postgres, redis);
        // The same database and the same Redis key prefix: what replicas of one deployment share.
        _second = new ApiFactory(_first.DatabaseConnectionString, redis.ConnectionString,
            new Dictionary<string, string?> { ["Redis:InstanceName"] = _first.InstanceName });
        _second.UseKestrel(0);
        _second.StartServer();
    }

    [Fact]
    public async Task A_rename_through_one_replica_reaches_a_stream_open_on_the_other()
    {
        using var user = await _first.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Shared");
        using var secondClient = _second.CreateHttpClient();
        secondClient.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        await using var stream = await EventStreamClient.OpenAsync(secondClient, $"/api/projects/{project}/events");

        await ProjectCalls.RenameAsync(user, project, "Renamed on the first");
        var frame = await stream.ReadUntilAsync(f => f.Event is not null);

        Assert.NotEqual(user.Client.BaseAddress, secondClient.BaseAddress);
        Assert.Equal("project.renamed", frame.Event);
        Assert.Contains("Renamed on the first", frame.Data, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }
}
