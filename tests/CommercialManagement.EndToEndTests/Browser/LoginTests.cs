using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class LoginTests(SystemFixture system)
{
    private async Task<(IPlaywright, IBrowser, IPage, Uri)> OpenAsync()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 800 } });
        return (playwright, browser, page, system.App.GetEndpoint(ResourceNames.Gateway, "http"));
    }

    [Fact]
    public async Task BackOffice_WithoutSession_SendsToTheLoginPage()
    {
        var (playwright, browser, page, gateway) = await OpenAsync();
        using var _ = playwright;
        await using var __ = browser;

        await page.GotoAsync(new Uri(gateway, "/dossiers").ToString());

        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex("/connexion\\?ReturnUrl=%2Fdossiers"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SkiSchoolAgent_SignsInSeesTheirNameThenSignsOut()
    {
        var (playwright, browser, page, gateway) = await OpenAsync();
        using var _ = playwright;
        await using var __ = browser;

        await StaffLogin.SignInAsync(page, gateway, "agent@esf-valneve.test");

        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Hugo Favre");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("signed-in-ski-school") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex("/connexion$"));
        await page.GotoAsync(new Uri(gateway, "/demandes").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAFrenchErrorAndStaysOnTheLoginPage()
    {
        var (playwright, browser, page, gateway) = await OpenAsync();
        using var _ = playwright;
        await using var __ = browser;

        await StaffLogin.SubmitAsync(page, gateway, "agent@valneve-office.test", "Mauvais!2026");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("login-wrong-password") });
    }
}
