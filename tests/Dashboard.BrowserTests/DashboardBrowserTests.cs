using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

public class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Without_the_cookie_pages_send_the_browser_to_login_and_a_wrong_token_is_refused()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/traces").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Ftraces"));

        var refused = await page.GotoAsync(new Uri(fixture.DashboardUrl, "/login?t=not-the-token").ToString());
        Assert.Equal(401, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
    }

    [Fact]
    public async Task The_login_link_opens_the_resources_page_with_every_resource_running()
    {
        var page = await fixture.LoggedInPageAsync();

        await Expect(page).ToHaveURLAsync(fixture.DashboardUrl.ToString());
        foreach (var resource in new[] { "postgres", "appdb", "cache", "gateway", "api" })
        {
            var row = page.Locator($"tr[data-resource='{resource}']");
            await Expect(row.Locator("[data-testid=state]")).ToHaveTextAsync("Running");
        }

        await Expect(page.Locator("tr[data-resource='api']")).ToContainTextAsync("http://localhost:");
        await BrowserFixture.ScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task A_request_through_api_and_gateway_shows_as_one_trace_with_spans_of_both()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/traces?resource=gateway").ToString());

        using var api = new HttpClient { BaseAddress = fixture.App.GetEndpoint("api") };
        await TestSupport.ApiAccounts.SignInAsync(api, TestContext.Current.CancellationToken);
        var response = await api.PostAsJsonAsync("/api/assistant/ask", new { prompt = "Trace me through the gateway" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answered = Stopwatch.StartNew();

        // The page refreshes itself (server-sent events): no reload.
        var row = page.Locator("tr[data-trace-id]", new() { HasText = "POST /api/assistant/ask" }).First;
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"The trace appeared in the browser {answered.ElapsedMilliseconds} ms after the Api answered.");
        await Expect(row.Locator(".chip", new() { HasText = "api" })).ToBeVisibleAsync();
        await Expect(row.Locator(".chip", new() { HasText = "gateway" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "traces");

        await row.Locator("a").ClickAsync();
        var waterfall = page.GetByTestId("waterfall");
        await Expect(waterfall.Locator(".waterfall-row[data-resource='api']").First).ToBeVisibleAsync();
        await Expect(waterfall.Locator(".waterfall-row[data-resource='gateway']").First).ToBeVisibleAsync();

        await waterfall.Locator(".waterfall-row[data-resource='gateway']").First.ClickAsync();
        await Expect(page.GetByTestId("span-details")).ToContainTextAsync("gateway");
        await BrowserFixture.ScreenshotAsync(page, "trace-waterfall");
    }

    [Fact]
    public async Task Structured_logs_filter_by_resource_and_text()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/structuredlogs").ToString());

        await page.GetByTestId("log-resource").SelectOptionAsync("gateway");
        await page.GetByTestId("log-text").FillAsync("listening on");

        var rows = page.Locator("[data-testid=log-list] tbody tr");
        await Expect(rows.First).ToContainTextAsync("Now listening on");
        foreach (var chip in await page.Locator("[data-testid=log-list] tbody .chip").AllTextContentsAsync())
        {
            Assert.Equal("gateway", chip);
        }

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("resource=gateway"));
        await BrowserFixture.ScreenshotAsync(page, "structured-logs");

        await page.GetByTestId("log-text").FillAsync("no log line says this");
        await Expect(page.GetByTestId("log-count")).ToHaveTextAsync("0 entries match.");
    }

    [Fact]
    public async Task The_metrics_page_charts_the_api_request_duration_as_percentiles()
    {
        using var api = new HttpClient { BaseAddress = fixture.App.GetEndpoint("api") };
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("/api/projects", TestContext.Current.CancellationToken)).Dispose();
        }

        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/metrics?resource=api").ToString());
        var instrument = page.Locator("a[data-instrument='http.server.request.duration']");
        await Expect(instrument).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await instrument.ClickAsync();

        await Expect(page.GetByTestId("instrument-name")).ToHaveTextAsync("http.server.request.duration");
        await Expect(page.Locator("[data-testid=metric-chart] canvas[data-rendered='true']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("metric-series")).ToContainTextAsync("p99");
        await Expect(page.Locator("select[data-dimension='http.route']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "metrics");
    }

    [Fact]
    public async Task Console_logs_show_a_resource_output_live()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/console?resource=api").ToString());

        await Expect(page.Locator("#console")).ToContainTextAsync("Now listening on");
        await BrowserFixture.ScreenshotAsync(page, "console");
    }
}
