using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class RevocationTests(SystemFixture system)
{
    /// <summary>
    /// The system runs with the gateway's own interval (Auth:RevalidationInterval, 30 s): an open tab is checked at most
    /// 30 s after the change, then it loads the login page. No shorter setting for the suite: every other browser test
    /// would revalidate as often.
    /// </summary>
    private const float LeavesWithinMs = 50_000;

    [Fact]
    public async Task Admin_DisabledByAColleague_HasTheirOpenTabSentToTheLoginPage_WithoutReloading()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var email = $"responsable-{Guid.NewGuid():N}@esf-valneve.test";
        const string password = "Poudreuse!2027";

        // The ski school's Admin adds a second Admin, for this test alone: no other test signs in as them.
        var admin = await session.NewPageAsync();
        await session.SignInAsync(admin, "admin@esf-valneve.test");
        await admin.Locator("a.mud-nav-link[href='/parametres']").ClickAsync();
        await admin.Locator("[data-interactive='true']").WaitForAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Équipe" }).ClickAsync();
        var team = admin.GetByRole(AriaRole.Tabpanel, new() { Name = "Équipe" });
        await team.GetByLabel("Nom", new() { Exact = true }).FillAsync("Claire Morel");
        await team.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await ChooseAsync(admin, team.GetByLabel("Rôle", new() { Exact = true }), "Admin");
        await team.GetByLabel("Mot de passe initial").FillAsync(password);
        await team.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        var row = team.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Actif");

        // The new Admin works in their own browser, on the dossiers board, with the Admins' settings in the menu.
        var colleague = await session.NewPageAsync();
        await session.SignInAsync(colleague, email, password);
        await colleague.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await Assertions.Expect(colleague).ToHaveURLAsync(new Regex("/dossiers$"));
        await Assertions.Expect(colleague.Locator("a.mud-nav-link[href='/parametres']")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Désactivé");

        // Nobody reloads the colleague's tab: its circuit finds the member disabled at its next check and leaves.
        await Assertions.Expect(colleague).ToHaveURLAsync(new Regex("/connexion"), new() { Timeout = LeavesWithinMs });
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await colleague.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("revoked-tab-at-login") });
        await session.SubmitLoginAsync(colleague, email, password);
        await Assertions.Expect(colleague.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
    }

    /// <summary>Picks <paramref name="option"/> in a MudBlazor select, as a mouse would.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).ClickAsync();
    }
}
