using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class LoginTests(SystemFixture system)
{
    [Fact]
    public async Task BackOffice_WithoutSession_SendsToTheLoginPage()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await page.GotoAsync(session.At("/dossiers"));

        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex("/connexion\\?ReturnUrl=%2Fdossiers"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SkiSchoolAgent_SignsInSeesTheirNameThenSignsOut()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await session.SignInAsync(page, "agent@esf-valneve.test");

        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Hugo Favre");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("signed-in-ski-school") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex("/connexion$"));
        await page.GotoAsync(session.At("/demandes"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAFrenchErrorAndStaysOnTheLoginPage()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await session.SubmitLoginAsync(page, "agent@valneve-office.test", "Mauvais!2026");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("login-wrong-password") });
    }
}
