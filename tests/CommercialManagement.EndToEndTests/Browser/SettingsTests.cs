using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class SettingsTests(SystemFixture system)
{
    [Fact]
    public async Task Admin_AddsAWebsiteAndSeesItsSiteKeyBesideTheOrganisationsOwn()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@chalet-melezes.test");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Paramètres" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nom", new() { Exact = true }).First).ToHaveValueAsync("Chalet des Mélèzes");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("settings-organisation"), FullPage = true });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sites web" }).ClickAsync();
        var websites = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Sites web" }).GetByRole(AriaRole.Table);
        await Assertions.Expect(websites).ToContainTextAsync("chalet-melezes-demo");
        await Assertions.Expect(websites).Not.ToContainTextAsync("esf-valneve-demo");

        await page.GetByLabel("Nom du site").FillAsync("Gîte du Torrent");
        await page.GetByLabel("Origines autorisées (séparées par des virgules)").FillAsync("https://gite-du-torrent.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();

        var row = websites.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gîte du Torrent" });
        await Assertions.Expect(row).ToContainTextAsync("https://gite-du-torrent.example");
        await Assertions.Expect(row).ToContainTextAsync(new global::System.Text.RegularExpressions.Regex("site-[0-9a-f]{24}"));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("settings-websites"), FullPage = true });
    }

    [Fact]
    public async Task Admin_ChangesWhenRemindersGo_AndIsStoppedWhenTheSecondComesBeforeTheFirst()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@esf-valneve.test");
        await page.Locator("a.mud-nav-link[href='/parametres']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var schedule = page.GetByLabel("Relance du devis (jours avant son expiration)");
        await Assertions.Expect(schedule).ToHaveValueAsync("2");
        // The balance due 30 days before the arrival, asked for 7 days before that: the page says when, in days before the arrival.
        await Assertions.Expect(page.GetByTestId("schedule-settings").Locator("xpath=..")).ToContainTextAsync("la demande part 37 jours avant l'arrivée");

        await page.GetByLabel("Première relance après (J+)").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La seconde relance après l'échéance vient après la première.")).ToBeVisibleAsync();

        await page.GetByLabel("Première relance après (J+)").FillAsync("2");
        await schedule.FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les paramètres de l'organisation sont enregistrés.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Relance du devis (jours avant son expiration)")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("Première relance après (J+)")).ToHaveValueAsync("2");
        await page.GetByTestId("schedule-settings").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("settings-schedule"), FullPage = true });
    }

    [Fact]
    public async Task Admin_SeesTheReplyMailboxFetched_TestsItsConnection_AndIsToldWhatIsWrong()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        // The ski school's: the hostile suite works in the chalet's organisation and may change its mailbox.
        await session.SignInAsync(page, "admin@esf-valneve.test");
        await page.Locator("a.mud-nav-link[href='/parametres']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Réponses par e-mail" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Réponses par e-mail" });

        // The demo mailbox on the mail catcher: its address, fetched already, and its password never shown.
        await Assertions.Expect(panel.GetByLabel("Adresse de réponse")).ToHaveValueAsync("reponses@esf-valneve.test");
        await Assertions.Expect(panel.GetByLabel("Mot de passe")).ToHaveValueAsync("");
        await Assertions.Expect(panel.GetByTestId("mailbox-status")).ToContainTextAsync("Dernière relève réussie", new() { Timeout = 30_000 });

        // « Tester la connexion » with the stored password works; on a port where no IMAP server listens, what went wrong is
        // shown (the mail catcher takes any password, so a wrong one is tried in the service tests, on a server that checks).
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tester la connexion" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Connexion réussie");
        var port = panel.GetByLabel("Port");
        var imapPort = await port.InputValueAsync();
        await port.FillAsync("1");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tester la connexion" }).ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("La connexion à la boîte a échoué : Le serveur ne répond pas");

        // Plain text to a remote server is refused before anything is saved.
        await port.FillAsync(imapPort);
        await panel.GetByLabel("Serveur IMAP").FillAsync("imap.esf-valneve.example");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("le mot de passe circulerait en clair");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("settings-reply-mailbox"), FullPage = true });
        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Réponses par e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Réponses par e-mail" }).GetByLabel("Serveur IMAP")).ToHaveValueAsync("127.0.0.1");
    }

    [Fact]
    public async Task Agent_OpeningTheSettings_IsToldTheyAreForAdmins()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@chalet-melezes.test");

        // Not in the agent's menu; typed in by hand, the address answers « Accès refusé ».
        await page.GotoAsync(session.At("/parametres"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_AddsAColleague_WhoIsLockedOutAfterFiveWrongPasswords()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var email = $"saisonnier-{Guid.NewGuid():N}@esf-valneve.test";
        var admin = await session.NewPageAsync();
        await session.SignInAsync(admin, "admin@esf-valneve.test");
        await admin.Locator("a.mud-nav-link[href='/parametres']").ClickAsync();
        await admin.Locator("[data-interactive='true']").WaitForAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Équipe" }).ClickAsync();
        var team = admin.GetByRole(AriaRole.Tabpanel, new() { Name = "Équipe" });
        await Assertions.Expect(team.GetByRole(AriaRole.Table)).ToContainTextAsync("agent@esf-valneve.test");
        await Assertions.Expect(team.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("@valneve-office.test");

        await team.GetByLabel("Nom", new() { Exact = true }).FillAsync("Théo Saisonnier");
        await team.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await team.GetByLabel("Mot de passe initial").FillAsync("Poudreuse!2027");
        await team.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Table)).ToContainTextAsync(email);

        var colleague = await session.NewPageAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await session.SubmitLoginAsync(colleague, email, "Mauvais!2027");
            await Assertions.Expect(colleague.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await session.SubmitLoginAsync(colleague, email, "Poudreuse!2027");

        await Assertions.Expect(colleague.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Trop de tentatives de connexion : réessayez dans 15 minutes.");
        await colleague.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("login-locked-out") });
    }
}
