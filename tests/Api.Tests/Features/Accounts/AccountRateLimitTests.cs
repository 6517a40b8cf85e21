using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Accounts;

public sealed class AccountRateLimitTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _limited = null!;
    private ApiFactory _other = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _limited = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["RateLimits:Accounts:PermitLimit"] = "3",
            ["RateLimits:Accounts:Window"] = "00:10:00",
        });
        _other = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "3" });
    }

    [Fact]
    public async Task The_fourth_login_from_one_address_in_the_window_is_429_with_retry_after()
    {
        using var client = _limited.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/api/accounts/login", new { email = TestUsers.NewEmail(), password = "Wrong-password-123" }, Cancellation);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = last!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        last.Dispose();
    }

    [Fact]
    public async Task Register_and_login_share_one_count_and_other_endpoints_are_not_counted()
    {
        using var user = await _limited.SignUpAsync(); // register + login: 2 of 3
        for (var i = 0; i < 5; i++)
        {
            using var me = await user.Client.GetAsync("/api/accounts/me", Cancellation);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var client = _limited.CreateHttpClient();
        using var third = await client.PostAsJsonAsync("/api/accounts/register", new { email = TestUsers.NewEmail(), password = TestUsers.Password }, Cancellation);
        using var fourth = await client.PostAsJsonAsync("/api/accounts/register", new { email = TestUsers.NewEmail(), password = TestUsers.Password }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    [Fact]
    public async Task An_instance_with_another_key_prefix_keeps_its_own_count()
    {
        using var client = _limited.CreateHttpClient();
        for (var i = 0; i < 4; i++)
        {
            (await client.PostAsJsonAsync("/api/accounts/login", new { email = TestUsers.NewEmail(), password = "x" }, Cancellation)).Dispose();
        }

        using var other = _other.CreateHttpClient();
        using var response = await other.PostAsJsonAsync("/api/accounts/login", new { email = TestUsers.NewEmail(), password = "x" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _limited.DisposeAsync();
        await _other.DisposeAsync();
    }
}
