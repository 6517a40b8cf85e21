using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Commands change the stack, so they get a stack of their own.</summary>
public class ResourceCommandBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Stop_and_start_from_the_resources_page_reach_the_AppHost()
    {
        var page = await fixture.LoggedInPageAsync();
        var gateway = page.Locator("tr[data-resource='gateway']");
        await Expect(gateway.Locator("[data-testid=state]")).ToHaveTextAsync("Running");
        var firstPid = fixture.App.ResourceNotifications.Get("gateway").ProcessId;

        await gateway.Locator("button[data-command='stop']").ClickAsync();
        await Expect(gateway.Locator("[data-testid=state]")).ToHaveTextAsync("Finished");
        await Expect(gateway.Locator("button[data-command='start']")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "resource-stopped");

        await gateway.Locator("button[data-command='start']").ClickAsync();
        await Expect(gateway.Locator("[data-testid=state]")).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        Assert.NotEqual(firstPid, fixture.App.ResourceNotifications.Get("gateway").ProcessId);
        await Expect(page.Locator("tr[data-resource='dashboard'] button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Secrets_in_the_environment_are_masked()
    {
        var page = await fixture.LoggedInPageAsync();
        var api = page.Locator("tr[data-resource='api'] + tr.environment");

        await api.Locator("summary").ClickAsync();

        var connection = api.Locator("tr", new() { HasText = "ConnectionStrings__appdb" });
        await Expect(connection).ToContainTextAsync("Password=********");
        var password = fixture.App.GetConnectionString("appdb").Split(';').Single(p => p.StartsWith("Password=", StringComparison.Ordinal));
        Assert.DoesNotContain(password, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
