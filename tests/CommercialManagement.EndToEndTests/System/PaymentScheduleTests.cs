using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.EndToEndTests.Browser;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>
/// Issue 17 on the real system: the payment schedule job fires for real (every 5 seconds here instead of 9:00, on a clock
/// the test moves forward). One dossier: the deposit paid, then nothing until the balance's request day; on it the balance
/// is asked by itself and emailed; three days before the balance is due the customer is reminded; the day after it is
/// due the board marks it « En retard » and the customer is reminded again; the customer pays and the mark goes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PaymentScheduleTests(SystemFixture system)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task DepositPaid_TheBalanceIsAskedByItselfOnItsDay_Reminded_MarkedOverdue_ThenPaid()
    {
        // A stay in 40 days with the defaults: the balance is due on J-30 (in 10 days), asked on J-37 (in 3 days), reminded on J-33.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date);
        var arrival = today.AddDays(40);
        var email = $"echeancier-{Guid.NewGuid():N}@example.fr";
        var (id, quoteNumber, total) = await PaymentJourneyTests.AcceptedQuoteArrivingAsync(system, email, arrival);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var token = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("customerSpaceToken").GetString()!;
        using var mail = new MailCatcher(system);
        var deposit = await PaymentJourneyTests.RequestAsync(staff, id, "Deposit");
        await PaymentJourneyTests.PayInTheSandboxAsync(system, token, deposit.Id);
        Assert.True(await PaymentJourneyTests.StatusBecomesAsync(staff, id, "DepositPaid"), "The dossier never reached « Acompte versé ».");

        try
        {
            // The day before the request day: the job runs (every 5 s) and asks nothing yet.
            await system.MoveJobClockToAsync(NineOClock(arrival.AddDays(-38)));
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.Null(await OpenBalanceAsync(staff, id));

            // The request day, 9:00 Paris: the balance is asked by itself and emailed with its link.
            await system.MoveJobClockToAsync(NineOClock(arrival.AddDays(-37)));
            JsonElement? balance = null;
            Assert.True(await Eventually.TrueAsync(async () => (balance = await OpenBalanceAsync(staff, id)) is not null, TimeSpan.FromSeconds(60)),
                "The balance was never asked on its day.");
            Assert.Equal(total - deposit.AmountCents, balance!.Value.GetProperty("amountCents").GetInt64());
            Assert.Equal("Automatique", balance.Value.GetProperty("createdBy").GetString());
            var balanceId = balance.Value.GetProperty("id").GetGuid();
            Assert.True(await Eventually.TrueAsync(async () => await mail.CountAsync(email, "Demande de paiement") == 2, TimeSpan.FromSeconds(60)),
                "The balance's request never reached the mail catcher.");

            // Three days before the balance is due (J-33): one reminder, with the link to pay.
            await system.MoveJobClockToAsync(NineOClock(arrival.AddDays(-33)));
            var reminder = await mail.WaitForAsync(email, "Rappel");
            Assert.Contains($"/espace/{token}/payer/{balanceId}", reminder.Html, StringComparison.Ordinal);
            Assert.Contains(quoteNumber, reminder.PlainText, StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.Equal(1, await mail.CountAsync(email, "Rappel"));

            // The day after the due date, still unpaid: the agent sees « En retard » on the dossier's card, and with the switch
            // « Solde en retard » on; the customer is reminded again (J+1).
            await system.MoveJobClockToAsync(NineOClock(arrival.AddDays(-29)));
            await using var session = await BrowserSession.StartAsync(system);
            var page = await session.NewPageAsync();
            await session.SignInAsync(page, "agent@valneve-office.test");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
            await page.Locator("[data-interactive='true']").WaitForAsync();
            await page.GetByLabel("Solde en retard").ClickAsync();
            await RequestsTests.SearchAsync(page, "Rechercher un dossier", email,
                timeout => Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1, new() { Timeout = timeout }));
            var card = page.Locator("article.board-card");
            await Assertions.Expect(card.Locator(".board-overdue")).ToHaveTextAsync("En retard", new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("board-overdue"), FullPage = true });
            Assert.True(await Eventually.TrueAsync(async () => await mail.CountAsync(email, "Rappel") == 2, TimeSpan.FromSeconds(60)),
                "The customer was not reminded the day after the due date.");

            await PaymentJourneyTests.PayInTheSandboxAsync(system, token, balanceId);
            Assert.True(await PaymentJourneyTests.StatusBecomesAsync(staff, id, "PaidInFull"), "The dossier never reached « Paiement soldé ».");
            // Paid: the mark goes, the dossier leaves the overdue list.
            Assert.True(await Eventually.TrueAsync(async () =>
                (await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/board?overdue=true&search={Uri.EscapeDataString(email)}"))
                    .GetProperty("columns").EnumerateArray().All(c => c.GetProperty("cards").GetArrayLength() == 0), TimeSpan.FromSeconds(30)),
                "The paid dossier is still marked overdue.");
        }
        finally
        {
            await system.MoveJobClockToAsync(null);
        }
    }

    /// <summary>9:01 Paris time on <paramref name="day"/>, when that day's steps have gone.</summary>
    private static DateTimeOffset NineOClock(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(9, 1));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    private static async Task<JsonElement?> OpenBalanceAsync(HttpClient staff, Guid id)
    {
        var ledger = await staff.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{id}");
        return ledger.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "Balance" && r.GetProperty("status").GetString() == "Open")
            .Select(r => (JsonElement?)r).FirstOrDefault();
    }
}
