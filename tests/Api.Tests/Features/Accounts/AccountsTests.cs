using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Accounts;

public sealed class AccountsTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedLogins"] = "3",
            ["Accounts:LockoutDuration"] = "00:10:00",
        });

    [Fact]
    public async Task A_registered_user_logs_in_sees_themself_and_after_logout_the_token_is_refused()
    {
        using var user = await _api.SignUpAsync("alice");

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/accounts/me", Cancellation);
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("Free", me.GetProperty("tier").GetString());

        using var logout = await user.Client.PostAsync("/api/accounts/logout", null, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var after = await user.Client.GetAsync("/api/accounts/me", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("short1A!")]
    [InlineData("alllowercaseletters")]
    [InlineData("aaaaaaaaaaaaA1")]
    public async Task A_weak_password_is_a_validation_problem_on_password(string password)
    {
        using var client = _api.CreateHttpClient();
        using var response = await client.PostAsJsonAsync("/api/accounts/register", new { email = TestUsers.NewEmail(), password }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Registering_an_email_twice_is_a_conflict_whatever_its_case()
    {
        var email = TestUsers.NewEmail();
        using var client = _api.CreateHttpClient();
        using var first = await client.PostAsJsonAsync("/api/accounts/register", new { email, password = TestUsers.Password }, Cancellation);
        using var second = await client.PostAsJsonAsync("/api/accounts/register", new { email = email.ToUpperInvariant(), password = TestUsers.Password }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var user = await _api.SignUpAsync();
        using var client = _api.CreateHttpClient();

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/accounts/login", new { email = user.Email, password = "Wrong-password-123" }, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var third = await client.PostAsJsonAsync("/api/accounts/login", new { email = user.Email, password = "Wrong-password-123" }, Cancellation);
        using var right = await client.PostAsJsonAsync("/api/accounts/login", new { email = user.Email, password = TestUsers.Password }, Cancellation);

        Assert.Equal((HttpStatusCode)423, third.StatusCode);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        using var user = await _api.SignUpAsync();
        using var client = _api.CreateHttpClient();

        using var unknown = await client.PostAsJsonAsync("/api/accounts/login", new { email = TestUsers.NewEmail(), password = TestUsers.Password }, Cancellation);
        using var wrong = await client.PostAsJsonAsync("/api/accounts/login", new { email = user.Email, password = "Wrong-password-123" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await TitleAsync(unknown), await TitleAsync(wrong));
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return problem.GetProperty("title").GetString();
    }

    [Theory]
    [InlineData("Bearer ses_not-a-real-token")]
    [InlineData("Bearer ses_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_request_without_a_live_session_is_401_with_a_problem(string authorization)
    {
        using var client = _api.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        using var response = await client.GetAsync("/api/projects", Cancellation);
        using var ask = await client.PostAsJsonAsync("/api/assistant/ask", new { prompt = "spend the budget" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, ask.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
