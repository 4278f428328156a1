using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// Issue 16's after-sale journey through the real pieces: a stay 20 days away, the deposit received (its facture d'acompte
/// emailed with its PDF), the balance (the final invoice), then « Annuler le dossier » in the browser: the terms' half kept
/// and invoiced, the other half refunded by transfer, the sale credited (the avoir emailed), the customer told, the
/// dossier archived « Annulé ».
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CancellationTests(SystemFixture system)
{
    [Fact]
    public async Task PaidAStay20DaysAway_AnAgentCancelsIt_HalfIsRefunded_TheAvoirAndTheNoticeReachTheCustomer()
    {
        var email = $"annule-{Guid.NewGuid():N}@example.fr";
        var arrival = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date).AddDays(20);
        var (id, _, total) = await PaymentJourneyTests.AcceptedQuoteArrivingAsync(system, email, arrival);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        using var mail = new MailCatcher(system);
        var deposit = total * 30 / 100;
        await PayOfflineAsync(staff, id, deposit, "VIR-ACOMPTE");
        var depositInvoice = await mail.WaitForAsync(email, "Votre facture d'acompte");
        Assert.Contains(".pdf", await mail.SourceAsync(depositInvoice.Id), StringComparison.Ordinal);
        await PayOfflineAsync(staff, id, total - deposit, "VIR-SOLDE");
        await mail.WaitForAsync(email, "Votre facture FA-");

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenDossierAsync(page, email);
        await page.GetByTestId("cancel-case").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("à 20 jours de l'arrivée", new() { Timeout = 30_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("50 % du montant total est retenu");
        var half = Euros(total / 2);
        await Assertions.Expect(dialog.GetByTestId("cancel-kept")).ToHaveTextAsync(half);
        await Assertions.Expect(dialog.GetByTestId("cancel-refund")).ToHaveTextAsync(Euros(total - total / 2));
        await dialog.GetByLabel("Motif", new() { Exact = true }).FillAsync("Le client s'est cassé la jambe");
        await dialog.GetByLabel("Référence", new() { Exact = true }).FillAsync("VIR-REMB-42");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("cancellation-dialog"), FullPage = true });
        await dialog.GetByTestId("cancel-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-cancelled")).ToContainTextAsync("Le client s'est cassé la jambe", new() { Timeout = 30_000 });

        // Dossier archives it on CaseCancelled a moment later: the open page follows by itself (live refresh), no reload.
        await Assertions.Expect(page.GetByTestId("dossier-outcome")).ToHaveTextAsync("Annulé", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Factures et avoirs" })).ToContainTextAsync("Avoir");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Factures et avoirs" })).ToContainTextAsync("indemnité d'annulation");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("dossier-cancelled"), FullPage = true });

        var ledger = await staff.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{id}");
        Assert.Equal(total - total / 2, ledger.GetProperty("refundedCents").GetInt64());
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}")).GetProperty("status").GetString() == "Archived", TimeSpan.FromSeconds(30)),
            "The dossier was never archived.");
        var notice = await mail.WaitForAsync(email, "est annulée");
        Assert.Contains(Euros(total - total / 2).Replace('\u202F', ' ').Replace('\u00A0', ' '), notice.PlainText.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        var avoir = await mail.WaitForAsync(email, "Votre avoir");
        Assert.Contains(".pdf", await mail.SourceAsync(avoir.Id), StringComparison.Ordinal);
    }

    private static async Task PayOfflineAsync(HttpClient staff, Guid id, long amountCents, string reference)
    {
        var response = await staff.PostAsJsonAsync($"/api/payments/by-request/{id}/offline", new { amountCents, method = "BankTransfer", reference });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string Euros(long cents) => CommercialManagement.BuildingBlocks.Locale.Euros.Format(cents);
}
