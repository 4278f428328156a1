using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class NavigationTests(SystemFixture system)
{
    [Fact]
    public async Task BackOffice_SignedIn_ShowsTheFrenchNavigation()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await session.SignInAsync(page, "agent@valneve-office.test");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        foreach (var entry in new[] { "Demandes", "Dossiers", "Catalogue" })
        {
            await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = entry })).ToBeVisibleAsync();
        }

        // « Paramètres » is the administrators' page: an agent is not shown it.
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Paramètres" })).ToHaveCountAsync(0);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dossiers", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Dossiers · Gestion commerciale");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("navigation-dossiers") });
    }

    [Fact]
    public async Task Administrator_SeesParametres_AndOpensIt()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await session.SignInAsync(page, "admin@valneve-office.test");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Paramètres" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paramètres", Level = 1 })).ToBeVisibleAsync();
    }
}
