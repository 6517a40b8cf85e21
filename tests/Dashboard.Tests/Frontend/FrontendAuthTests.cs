using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Frontend;

/// <summary>The UI answers nobody without the login cookie; the browser token is the only way to get one.</summary>
public sealed class FrontendAuthTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/traces")]
    [InlineData("/structuredlogs")]
    [InlineData("/metrics")]
    [InlineData("/console")]
    public async Task Pages_redirect_a_browser_to_login(string path)
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/events")]
    [InlineData("/fragments/traces")]
    [InlineData("/fragments/stats")]
    [InlineData("/api/resources/api/commands/restart")]
    public async Task Everything_else_answers_401(string path)
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_login_link_sets_a_cookie_that_opens_the_pages()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);

        using var login = await client.GetAsync($"/login?t={DashboardHost.BrowserToken}&returnUrl=%2Ftraces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/traces", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = await client.GetAsync("/traces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"trace-list\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task A_wrong_token_is_refused_without_a_cookie(string token)
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);

        using var response = await client.PostAsync("/login", new FormUrlEncodedContent([new("token", token)]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_open_redirect_through_the_return_url_is_refused()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);

        using var login = await client.GetAsync($"/login?t={DashboardHost.BrowserToken}&returnUrl=https%3A%2F%2Fevil.example", TestContext.Current.CancellationToken);

        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Health_endpoints_need_no_login()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = NewClient(host);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static HttpClient NewClient(DashboardHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = host.FrontendUrl };
}
