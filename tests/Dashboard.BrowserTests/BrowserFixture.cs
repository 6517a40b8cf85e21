using Hosting;
using Hosting.Testing;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>
/// The AppHost's whole stack (dashboard, api, gateway, PostgreSQL, Redis as local processes) on free ports, and
/// Debian's Chromium driven by Playwright. Screenshots land in TestResults/screenshots next to the project.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "dashboard-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri LoginUrl => App.DashboardLoginUrl ?? throw new InvalidOperationException("The AppHost has no dashboard.");

    public Uri DashboardUrl => App.GetEndpoint("dashboard");

    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR")
        ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public async ValueTask InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Build<Projects.AppHost>(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _stateDirectory,
            ["AppHost:ContainerRuntime"] = "none",
            ["Parameters:anthropic-api-key"] = "",
        });
        await App.StartWithinAsync(TimeSpan.FromMinutes(3));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (no cookie) with a page, at a size that shows a whole waterfall.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page already logged in through the AppHost's login link.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(LoginUrl.ToString());
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server's last file handle; the temp directory is the OS's to clean.
        }
    }
}
