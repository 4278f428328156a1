using System.Text.RegularExpressions;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>The dossier page on the real system: the stay rule's warning, the events moving it live, « Traité », the history.</summary>
[Collection(SystemCollection.Name)]
public sealed class DossierPageTests(SystemFixture system)
{
    [Fact]
    public async Task Dossier_StayChangeConfirmedLosesTheQuote_PaymentShowsLive_TraiteTicked_HistoryInTheConversation()
    {
        var email = $"page-dossier-{Guid.NewGuid():N}@example.fr";
        var (id, reference) = await BoardTests.NewDossierAsync(system, email);
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await page.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await RequestsTests.SearchAsync(page, "Rechercher un dossier", email, timeout => Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await page.Locator($"article[aria-label^='{reference} ']").GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByText("Un devis est en cours")).ToBeVisibleAsync();
        await page.GetByLabel("Adultes").FillAsync("3");
        await page.GetByLabel("Âges des enfants").FillAsync("9, 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le séjour" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("si le séjour change, il sera perdu");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Changer le séjour" }).ClickAsync();

        var history = page.GetByRole(AriaRole.List, new() { Name = "Historique du dossier" });
        await Assertions.Expect(history).ToContainTextAsync("3 adultes, 2 enfants");
        await Assertions.Expect(history).ToContainTextAsync("en cours est perdu");
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Dossiers en cours");

        // The re-priced draft, its acceptance and the whole payment arrive as events: the page follows without a reload.
        var quote = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await system.PublishAsync(new QuoteChanged { OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = now, RequestId = id, QuoteId = quote, LineCount = 1, TotalCents = 112_000 });
        await system.PublishAsync(new QuoteAccepted
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = now.AddSeconds(1), RequestId = id, QuoteId = quote, Number = "DEV-E2E-1", TotalCents = 112_000, AcceptedBy = "Staff",
        });
        await system.PublishAsync(new PaymentReceived
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = now.AddSeconds(2), RequestId = id, QuoteId = quote, PaymentId = Guid.NewGuid(), AmountCents = 112_000, Kind = "Full",
        });
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Paiement soldé", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("dossier-paid")).ToHaveTextAsync(new Regex(@"^1\s120,00\s€$"));
        await Assertions.Expect(page.GetByText("Un paiement a été reçu : le séjour ne peut plus être modifié.")).ToBeVisibleAsync();

        await page.GetByLabel("Saisie dans le logiciel (Traité)").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Commande traitée");
        await Assertions.Expect(history).ToContainTextAsync("Paiement soldé → Commande traitée");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("dossier"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Conversation" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-column")).ToHaveTextAsync("Commande traitée");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Historique du dossier" })).ToContainTextAsync("Séjour modifié");
    }
}
