using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>« Dossiers » on the real system: events through RabbitMQ move the cards; staff drag them where allowed.</summary>
[Collection(SystemCollection.Name)]
public sealed class BoardTests(SystemFixture system)
{
    private Task<(Guid Case, string Reference)> NewDossierAsync(string email) => NewDossierAsync(system, email);

    /// <summary>A web request made a dossier in « Nouveaux dossiers » by a published QuoteChanged with one line.</summary>
    internal static async Task<(Guid Case, string Reference)> NewDossierAsync(SystemFixture system, string email, string? name = null, string? message = null)
    {
        var id = await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email, name, message);
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(async () => await System.RequestToCaseTests.FindCaseAsync(staff, id) is not null, TimeSpan.FromSeconds(30)));

        await system.PublishAsync(new QuoteChanged
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = DateTimeOffset.UtcNow, RequestId = id, QuoteId = Guid.NewGuid(), LineCount = 1, TotalCents = 98_000,
        });

        JsonElement? dossier = null;
        Assert.True(await Eventually.TrueAsync(async () =>
            (dossier = await System.RequestToCaseTests.FindCaseAsync(staff, id))?.GetProperty("status").GetString() == "New", TimeSpan.FromSeconds(30)),
            "The published QuoteChanged did not make the request a dossier in « Nouveaux dossiers ».");
        return (id, dossier!.Value.GetProperty("reference").GetString()!);
    }

    [Fact]
    public async Task PublishedQuoteChanged_ShowsTheDossierInNouveauxDossiers_ArchivedByDragAndRestored()
    {
        var email = $"tableau-{Guid.NewGuid():N}@example.fr";
        var (_, reference) = await NewDossierAsync(email);
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        foreach (var label in new[] { "Nouveaux dossiers", "Dossiers en cours", "En attente de paiement", "Acompte versé", "Paiement soldé", "Commande traitée", "Archivé" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        }

        await RequestsTests.SearchAsync(page, "Rechercher un dossier", email, timeout => Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1, new() { Timeout = timeout }));
        var card = page.Locator($"article[aria-label^='{reference} ']");
        await Assertions.Expect(page.Locator("section[data-status='New']").Locator(card)).ToContainTextAsync("980,00 €");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("board"), FullPage = true });

        await card.DragToAsync(page.Locator("section[data-status='DepositPaid'] .board-zone"));
        await Assertions.Expect(page.GetByText("« Acompte versé » suit les paiements reçus : un dossier n'y est pas déplacé à la main.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[data-status='New']").Locator(card)).ToBeVisibleAsync();

        await card.DragToAsync(page.Locator("section[data-status='Archived'] .board-zone"));
        await Assertions.Expect(page.Locator("section[data-status='Archived']").Locator(card)).ToBeVisibleAsync();
        await card.DragToAsync(page.Locator("section[data-status='New'] .board-zone"));
        await Assertions.Expect(page.Locator("section[data-status='New']").Locator(card)).ToBeVisibleAsync();

        // The search is kept in the address: a reload shows the same filtered board.
        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex("/dossiers\\?search="));
        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Rechercher un dossier")).ToHaveValueAsync(email);
        await Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task PaidInFullDossier_DroppedOnCommandeTraitee_IsProcessed_AndTheBoardFollowsThePaymentLive()
    {
        var email = $"traite-{Guid.NewGuid():N}@example.fr";
        var (id, reference) = await NewDossierAsync(email);
        var quote = Guid.NewGuid();
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await page.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await RequestsTests.SearchAsync(page, "Rechercher un dossier", email, timeout => Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1, new() { Timeout = timeout }));
        var card = page.Locator($"article[aria-label^='{reference} ']");
        await Assertions.Expect(page.Locator("section[data-status='New']").Locator(card)).ToBeVisibleAsync();

        await system.PublishAsync(new QuoteAccepted
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = DateTimeOffset.UtcNow, RequestId = id, QuoteId = quote, Number = "OT-E2E", TotalCents = 98_000, AcceptedBy = "Customer",
        });
        await system.PublishAsync(new PaymentReceived
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = DateTimeOffset.UtcNow, RequestId = id, QuoteId = quote, PaymentId = Guid.NewGuid(), AmountCents = 98_000, Kind = "Full",
        });

        // No reload: the board refreshes itself.
        await Assertions.Expect(page.Locator("section[data-status='PaidInFull']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await card.DragToAsync(page.Locator("section[data-status='Processed'] .board-zone"));

        await Assertions.Expect(page.Locator("section[data-status='Processed']").Locator(card)).ToBeVisibleAsync();
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.Equal("Processed", (await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}")).GetProperty("status").GetString());
    }
}
