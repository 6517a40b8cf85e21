using TestSupport;
using System.Net;
using System.Text.Json;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary><c>/health</c> reports whether Redis answers PING, and Redis being down never stops the Gateway.</summary>
public sealed class RedisHealthTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_follows_redis_going_down()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var gateway = await GatewayProcess.StartMockAsync(redis);
        using var client = GatewayProcess.Client(gateway);
        Assert.Equal("Healthy", await PollRedisCheckAsync(client, HttpStatusCode.OK));

        await redis.StopAsync();

        Assert.Equal("Unhealthy", await PollRedisCheckAsync(client, HttpStatusCode.ServiceUnavailable));
        using var stillServing = await Requests.SendAsync(client, Requests.Body("m"));
        Assert.Equal(HttpStatusCode.OK, stillServing.StatusCode);
    }

    [Fact]
    public async Task Gateway_starts_while_redis_is_down_and_turns_healthy_when_it_comes_up()
    {
        await using var redis = await RedisServer.StartAsync(up: false, Cancellation);
        await using var gateway = await GatewayProcess.StartMockAsync(redis);
        using var client = GatewayProcess.Client(gateway);

        Assert.Equal("Unhealthy", await PollRedisCheckAsync(client, HttpStatusCode.ServiceUnavailable));
        await redis.BringUpAsync(Cancellation);

        Assert.Equal("Healthy", await PollRedisCheckAsync(client, HttpStatusCode.OK));
    }

    /// <summary>Polls <c>/health</c> until it answers <paramref name="expected"/>, and returns the redis check's status.</summary>
    private static async Task<string?> PollRedisCheckAsync(HttpClient client, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health", Cancellation);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, response.StatusCode);
                var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
                var redis = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
                return redis.GetProperty("status").GetString();
            }

            await Task.Delay(200, Cancellation);
        }
    }
}
