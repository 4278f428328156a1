using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>Debian's Chromium, headless, driven by Playwright; screenshots go to TestResults/screenshots.</summary>
public static class BrowserSession
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Opens a back-office page and waits until Blazor's interactive circuit has taken over.</summary>
    public static async Task OpenAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(TestKit.RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
