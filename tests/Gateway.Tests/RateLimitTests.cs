using System.Net;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>Per-key limits held in Redis: one limit however many Gateway replicas share the load.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_replicas_sharing_redis_admit_exactly_the_limit_however_the_load_is_spread()
    {
        const int limit = 300;
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GatewayProcess.StartMockAsync(redis)));
        try
        {
            var (_, roundRobinKey) = await AdminApi.IssueKeyAsync(replicas[0], "round-robin", requestsPerMinute: limit);
            var (_, skewedKey) = await AdminApi.IssueKeyAsync(replicas[1], "skewed", requestsPerMinute: limit);

            // Twice the limit each, concurrently: evenly across the replicas, and 80/15/5.
            var evenly = SendAsync(replicas, roundRobinKey, 2 * limit, i => i % 3);
            var skewed = SendAsync(replicas, skewedKey, 2 * limit, i => (i % 20) switch { < 16 => 0, < 19 => 1, _ => 2 });
            var results = await Task.WhenAll(evenly, skewed);

            foreach (var statuses in results)
            {
                Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), limit - limit / 100, limit + limit / 100);
                Assert.Equal(2 * limit, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
            }
        }
        finally
        {
            await Task.WhenAll(replicas.Select(replica => replica.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Refusal_is_a_429_rate_limit_error_with_retry_after_and_ratelimit_headers()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var gateway = await GatewayProcess.StartMockAsync(redis);
        var (_, key) = await AdminApi.IssueKeyAsync(gateway, "two-a-minute", requestsPerMinute: 2);
        using var client = GatewayProcess.Client(gateway, key);

        for (var i = 0; i < 2; i++)
        {
            using var admitted = await Requests.SendAsync(client, Requests.Body("m"));
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }

        using var refused = await Requests.SendAsync(client, Requests.Body("m"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("rate_limit_error", (await Requests.ReadErrorAsync(refused)).Type);
        var retryAfter = int.Parse(refused.Headers.GetValues("retry-after").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("2", refused.Headers.GetValues("anthropic-ratelimit-requests-limit").Single());
        Assert.Equal("0", refused.Headers.GetValues("anthropic-ratelimit-requests-remaining").Single());
        Assert.True(DateTimeOffset.TryParse(refused.Headers.GetValues("anthropic-ratelimit-requests-reset").Single(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var reset));
        Assert.InRange(reset, DateTimeOffset.UtcNow.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(62));
    }

    [Fact]
    public async Task Token_limit_counts_the_estimate_up_front_and_the_real_usage_afterwards()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var gateway = await GatewayProcess.StartMockAsync(redis);
        // 400 characters: an estimate of 100 input tokens. The mock is deterministic, so a first key learns what
        // this request really uses (input + output), and the limit of the second is set just below two of them.
        var text = new string('a', 400);
        var (probeId, probeKey) = await AdminApi.IssueKeyAsync(gateway, "probe");
        await SendAndSettleAsync(gateway, probeId, probeKey, text);
        var used = (await AdminApi.UsageAsync(gateway, probeId)).Single();
        var real = used.GetProperty("input_tokens").GetInt64() + used.GetProperty("output_tokens").GetInt64();
        Assert.True(real > 100, "the answer must use more than the estimate for this test to mean anything");
        var (id, key) = await AdminApi.IssueKeyAsync(gateway, "tokens", tokensPerMinute: real + 99);

        await SendAndSettleAsync(gateway, id, key, text);
        using var client = GatewayProcess.Client(gateway, key);
        using var second = await Requests.SendAsync(client, Requests.Body("m", text: text));
        using var tooLarge = await Requests.SendAsync(client, Requests.Body("m", text: new string('b', (int)(real + 100) * 4)));

        // On the estimate alone the second would fit (100 + 100 <= real + 99); with the real usage it does not.
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("tokens per minute", (await Requests.ReadErrorAsync(second)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooLarge.StatusCode);
        Assert.Contains("can never be admitted", (await Requests.ReadErrorAsync(tooLarge)).Message, StringComparison.Ordinal);
    }

    /// <summary>One request, then waits for its ledger row: usage is settled just after the answer is sent.</summary>
    private static async Task SendAndSettleAsync(ServiceProcess gateway, string keyId, string key, string text)
    {
        using var client = GatewayProcess.Client(gateway, key);
        using var response = await Requests.SendAsync(client, Requests.Body("m", text: text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsStringAsync(Cancellation);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await AdminApi.UsageAsync(gateway, keyId)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the answer's usage never reached the ledger");
            await Task.Delay(50, Cancellation);
        }
    }

    private static async Task<HttpStatusCode[]> SendAsync(ServiceProcess[] replicas, string key, int count, Func<int, int> replicaOf)
    {
        var clients = replicas.Select(replica => GatewayProcess.Client(replica, key)).ToArray();
        try
        {
            using var gate = new SemaphoreSlim(24);
            return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync(Cancellation);
                try
                {
                    using var response = await Requests.SendAsync(clients[replicaOf(i)], Requests.Body("m", maxTokens: 8));
                    return response.StatusCode;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
