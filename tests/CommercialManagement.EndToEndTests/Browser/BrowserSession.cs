using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, pointed at the system's gateway; screenshots go to
/// TestResults/screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser, Uri gateway)
    {
        _playwright = playwright;
        Browser = browser;
        Gateway = gateway;
    }

    public IBrowser Browser { get; }

    public Uri Gateway { get; }

    public static async Task<BrowserSession> StartAsync(SystemFixture system)
    {
        // A 2-core machine running the whole system can take more than Playwright's default 5 s to render a page.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser, system.App.GetEndpoint(ResourceNames.Gateway, "http"));
    }

    /// <summary>A new page (its own cookies), in French, wide enough for the back office.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    public string At(string path) => new Uri(Gateway, path).ToString();

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(TestKit.RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
