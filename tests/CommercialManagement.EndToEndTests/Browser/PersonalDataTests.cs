using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// An Admin, from the login page, finds a customer in « Paramètres › Données personnelles », sees what each service
/// holds, erases them after the confirmation says what is kept and that it cannot be undone, and sees it done.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PersonalDataTests(SystemFixture system)
{
    [Fact]
    public async Task Admin_FindsACustomer_ErasesThem_AndSeesItDone()
    {
        var email = $"rgpd-{Guid.NewGuid():N}@example.fr";
        await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email);

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@valneve-office.test");
        await page.Locator("a.mud-nav-link[href='/parametres']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Données personnelles" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail du client").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        var holdings = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Données personnelles" }).GetByRole(AriaRole.Table);
        await Assertions.Expect(holdings.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demandes et conversations" })).ToContainTextAsync("demandes : 1", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exporter ses données (.zip)" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("personal-data-found"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Effacer ce client" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Cette action est irréversible.");
        await Assertions.Expect(dialog).ToContainTextAsync("factures et avoirs émis, le nom et l'adresse du client");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Effacer définitivement" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("erasure")).ToContainTextAsync("Effacé le", new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByTestId("erasure")).ToContainTextAsync("Demandes et conversations : effacé le");
        await Assertions.Expect(holdings.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demandes et conversations" })).ToContainTextAsync("rien");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("personal-data-erased"), FullPage = true });
    }
}
