using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// « Rembourser » alone (issue 16, part 3): the customer paid the deposit by card in the sandbox; an agent gives 50 € back as
/// a commercial gesture, on the card. The sandbox reports the refund as Stripe would (a signed <c>charge.refunded</c> to our
/// webhook): the refund appears in the dossier by itself with its avoir, and the customer receives the avoir by email.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RefundTests(SystemFixture system)
{
    [Fact]
    public async Task DepositPaidByCard_AnAgentGives50EurosBackOnTheCard_TheRefundAndItsAvoirFollow()
    {
        var email = $"geste-{Guid.NewGuid():N}@example.fr";
        var (id, _, _) = await PaymentJourneyTests.AcceptedQuoteAsync(system, email);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/payments/by-request/{id}/requests", new { kind = "Deposit" })).StatusCode);

        await using var session = await BrowserSession.StartAsync(system);
        using var mail = new MailCatcher(system);
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(MailCatcher.SpaceLink(await mail.WaitForAsync(email, "Demande de paiement")));
        await customer.GetByTestId("space-pay").First.ClickAsync();
        await PaymentTests.PayByCardAsync(customer, email, "Élodie Martin", "4242 4242 4242 4242");
        await customer.WaitForURLAsync(new Regex(@"/espace/[^/]+\?paiement=ok"));
        await mail.WaitForAsync(email, "Votre facture d'acompte");

        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenDossierAsync(page, email);
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Acompte versé", new() { Timeout = 30_000 });
        await page.GetByTestId("refund").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Geste commercial");
        await Assertions.Expect(dialog).ToContainTextAsync("Sur la carte payée en ligne");
        await dialog.GetByLabel("Montant à rembourser (€)").FillAsync("50");
        await dialog.GetByLabel("Motif", new() { Exact = true }).FillAsync("Piscine fermée pendant deux jours");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("refund-dialog"), FullPage = true });
        await dialog.GetByTestId("refund-confirm").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var refunds = page.GetByRole(AriaRole.List, new() { Name = "Remboursements" });
        await Assertions.Expect(refunds).ToContainTextAsync("Geste commercial : Piscine fermée pendant deux jours", new() { Timeout = 30_000 });
        await Assertions.Expect(refunds).ToContainTextAsync(Euros(5_000));
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Factures et avoirs" })).ToContainTextAsync("Avoir", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("refund-order")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("dossier-refunded"), FullPage = true });

        var ledger = await staff.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{id}");
        Assert.Equal((5_000L, 5_000L), (ledger.GetProperty("refundedCents").GetInt64(), ledger.GetProperty("goodwillCents").GetInt64()));
        Assert.StartsWith("re_sandbox_", ledger.GetProperty("refunds")[0].GetProperty("providerRefundId").GetString(), StringComparison.Ordinal);
        var avoir = await mail.WaitForAsync(email, "Votre avoir");
        Assert.Contains(".pdf", await mail.SourceAsync(avoir.Id), StringComparison.Ordinal);
    }

    private static string Euros(long cents) => CommercialManagement.BuildingBlocks.Locale.Euros.Format(cents);
}
