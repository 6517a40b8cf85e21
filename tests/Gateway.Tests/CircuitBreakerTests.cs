using System.Diagnostics;
using System.Net;
using Gateway.Tests.Support;
using TestSupport;

namespace Gateway.Tests;

/// <summary>An upstream that keeps failing is left alone for a while (529, or the mock with OnError), then probed again.</summary>
public sealed class CircuitBreakerTests
{
    private const int BreakMilliseconds = 1500;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_short_circuits_then_half_opens()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var upstream = await AnthropicStub.StartAsync();
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, Breaker("Off"));
        using var client = GatewayProcess.Client(gateway);
        var failing = Model("503");

        for (var i = 0; i < 4; i++)
        {
            using var failed = await Requests.SendAsync(client, Requests.Body(failing));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        var opened = Stopwatch.StartNew();
        Assert.Equal(4, upstream.RequestsFor(failing).Count);

        // Open: even a request the upstream would answer is refused without calling it.
        var healthy = Model("json");
        using (var refused = await Requests.SendAsync(client, Requests.Body(healthy)))
        {
            Assert.Equal(529, (int)refused.StatusCode);
            Assert.Equal("overloaded_error", (await Requests.ReadErrorAsync(refused)).Type);
        }

        using (var again = await Requests.SendAsync(client, Requests.Body(failing)))
        {
            Assert.Equal(529, (int)again.StatusCode);
        }

        Assert.Empty(upstream.RequestsFor(healthy));
        Assert.Equal(4, upstream.RequestsFor(failing).Count);

        // Half-open after the break: a probe goes through, succeeds, and closes the circuit.
        var probe = await PollUntilOkAsync(client, TimeSpan.FromSeconds(15));
        Assert.True(opened.ElapsedMilliseconds >= BreakMilliseconds - 100, $"probed after {opened.ElapsedMilliseconds} ms");
        Assert.Single(upstream.RequestsFor(probe));
        var after = Model("json");
        using var closed = await Requests.SendAsync(client, Requests.Body(after));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Single(upstream.RequestsFor(after));
    }

    [Fact]
    public async Task Open_circuit_with_fallback_on_error_is_answered_by_the_mock_without_calling_upstream()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: Cancellation);
        await using var upstream = await AnthropicStub.StartAsync();
        await using var gateway = await GatewayProcess.StartForwardingAsync(redis, upstream.BaseAddress, Breaker("OnError"));
        using var client = GatewayProcess.Client(gateway);
        for (var i = 0; i < 4; i++)
        {
            using var fellBack = await Requests.SendAsync(client, Requests.Body(Model("503")));
            Assert.Equal("mock", Assert.Single(fellBack.Headers.GetValues("x-gateway-fallback")));
        }

        var healthy = Model("json");
        using var response = await Requests.SendAsync(client, Requests.Body(healthy));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mock", Assert.Single(response.Headers.GetValues("x-gateway-fallback")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("x-gateway-mock")));
        Assert.Empty(upstream.RequestsFor(healthy));
    }

    private static Dictionary<string, string?> Breaker(string fallback) => new()
    {
        ["Resilience__MaxRetries"] = "0",
        ["Resilience__CircuitBreaker__FailureRatio"] = "0.5",
        ["Resilience__CircuitBreaker__MinimumThroughput"] = "4",
        ["Resilience__CircuitBreaker__SamplingDurationMilliseconds"] = "60000",
        ["Resilience__CircuitBreaker__BreakDurationMilliseconds"] = BreakMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fallback__Mode"] = fallback,
    };

    /// <returns>The model of the first request the upstream answered.</returns>
    private static async Task<string> PollUntilOkAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var model = Model("json");
            using var response = await Requests.SendAsync(client, Requests.Body(model));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return model;
            }

            Assert.Equal(529, (int)response.StatusCode);
            await Task.Delay(100, Cancellation);
        }

        throw new TimeoutException("The circuit never half-opened.");
    }

    private static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";
}
