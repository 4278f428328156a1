using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// « Pilotage » on the real system: a case accepted and part paid through the services moves the figures by exactly what
/// its ledger says, and the page (reached from the menu) shows them.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PilotageTests(SystemFixture system)
{
    private static long Cents(JsonElement report, string section, string name) => report.GetProperty(section).GetProperty(name).GetInt64();

    [Fact]
    public async Task ACaseAcceptedAndPartPaid_MovesPilotageByWhatItsLedgerSays_AndThePageShowsIt()
    {
        var admin = await RequestToCaseTests.StaffClientAsync(system, "admin@valneve-office.test");
        // The demo story plays its cases while the system starts: measure from a moment when the figures have settled.
        var before = await SettledReportAsync(admin);

        var email = $"pilotage-{Guid.NewGuid():N}@example.fr";
        var (id, _, total) = await PaymentJourneyTests.AcceptedQuoteAsync(system, email);
        var paid = await admin.PostAsJsonAsync($"/api/payments/by-request/{id}/offline", new { amountCents = 40_000, method = "BankTransfer", reference = "VIR-PILOTAGE" });
        Assert.True(paid.StatusCode == HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        var asked = await admin.PostAsJsonAsync($"/api/payments/by-request/{id}/requests", new { kind = "Balance" });
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());

        // The ledger (Payment) and the report (Dossier, from events) agree to the cent once the events have arrived.
        JsonElement ledger = default, after = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            ledger = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{id}");
            after = await admin.GetFromJsonAsync<JsonElement>("/api/dossiers/reporting");
            return ledger.GetProperty("invoices").GetArrayLength() > 0
                && Cents(after, "totals", "collectedCents") - Cents(before, "totals", "collectedCents") == ledger.GetProperty("paidCents").GetInt64()
                && Cents(after, "totals", "depositsInvoicedCents") > Cents(before, "totals", "depositsInvoicedCents")
                && Cents(after, "balances", "openRequestCents") - Cents(before, "balances", "openRequestCents") == OpenRequestCents(ledger);
        }, TimeSpan.FromSeconds(60)), $"Pilotage never caught up with the ledger.\nLedger: {ledger}\nBefore: {before.GetProperty("totals")}\nAfter: {after.GetProperty("totals")}");

        Assert.Equal(40_000, ledger.GetProperty("paidCents").GetInt64());
        Assert.Equal(total, ledger.GetProperty("acceptedTotalCents").GetInt64());
        Assert.Equal(ledger.GetProperty("acceptedTotalCents").GetInt64(), Cents(after, "totals", "acceptedCents") - Cents(before, "totals", "acceptedCents"));
        Assert.Equal(ledger.GetProperty("remainingCents").GetInt64(), Cents(after, "balances", "dueCents") - Cents(before, "balances", "dueCents"));
        var depositInvoice = ledger.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Deposit");
        Assert.Equal(depositInvoice.GetProperty("amountCents").GetInt64(), Cents(after, "totals", "depositsInvoicedCents") - Cents(before, "totals", "depositsInvoicedCents"));
        Assert.Equal(before.GetProperty("funnel").GetProperty("requests").GetInt32() + 1, after.GetProperty("funnel").GetProperty("requests").GetInt32());
        // The balance asked is the one request open: what remains to pay.
        Assert.Equal(ledger.GetProperty("remainingCents").GetInt64(), OpenRequestCents(ledger));
        Assert.Equal(before.GetProperty("balances").GetProperty("openRequestCount").GetInt32() + 1, after.GetProperty("balances").GetProperty("openRequestCount").GetInt32());

        // The page, from the login and the menu: the same figures.
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@valneve-office.test");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Pilotage" }).ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pilotage", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("balance-due")).ToContainTextAsync(Euros(Cents(after, "balances", "dueCents")));
        await Assertions.Expect(page.GetByTestId("payment-requests-open")).ToContainTextAsync(Euros(Cents(after, "balances", "openRequestCents")));
        await Assertions.Expect(page.GetByTestId("months-total")).ToContainTextAsync(Euros(Cents(after, "totals", "acceptedCents")));
        await Assertions.Expect(page.GetByTestId("months-total")).ToContainTextAsync(Euros(Cents(after, "totals", "collectedCents")));
        await Assertions.Expect(page.GetByTestId("kpi-requests")).ToContainTextAsync(after.GetProperty("funnel").GetProperty("requests").GetInt32().ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Par agent" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("pilotage"), FullPage = true });

        // « Ce mois-ci »: the period is kept in the address, a reload shows the same period.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ce mois-ci" }).ClickAsync();
        var today = CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System);
        await Assertions.Expect(page).ToHaveURLAsync(new global::System.Text.RegularExpressions.Regex($"/pilotage\\?from={today:yyyy-MM}-01&to="));
        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var firstDay = new DateOnly(today.Year, today.Month, 1).ToString("d MMMM yyyy", global::System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        await Assertions.Expect(page.GetByTestId("report-period")).ToContainTextAsync($"Du {firstDay} au ");

        // An agent sees their own figures, and no table of the others'.
        await using var agentSession = await BrowserSession.StartAsync(system);
        var agentPage = await agentSession.NewPageAsync();
        await agentSession.SignInAsync(agentPage, "agent@valneve-office.test");
        await agentPage.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Pilotage" }).ClickAsync();
        await agentPage.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(agentPage.GetByText("Vos chiffres : les dossiers qui vous sont attribués.")).ToBeVisibleAsync();
        await Assertions.Expect(agentPage.GetByTestId("balance-due")).ToBeVisibleAsync();
        await Assertions.Expect(agentPage.GetByRole(AriaRole.Heading, new() { Name = "Par agent" })).ToHaveCountAsync(0);

        // Withdrawn by staff: the request leaves « Demandes de paiement en cours ».
        var request = ledger.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "Open").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/payments/requests/{request}/cancellation", null)).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => Cents(await admin.GetFromJsonAsync<JsonElement>("/api/dossiers/reporting"), "balances", "openRequestCents") == Cents(before, "balances", "openRequestCents"),
            TimeSpan.FromSeconds(60)), "The withdrawn request is still counted open in Pilotage.");
    }

    /// <summary>What the ledger's requests still payable ask (status Open: neither paid, withdrawn nor expired).</summary>
    private static long OpenRequestCents(JsonElement ledger) =>
        ledger.GetProperty("requests").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "Open").Sum(r => r.GetProperty("amountCents").GetInt64());

    /// <summary>The report once the same figures come back five times in a row, a second apart (at most two minutes).</summary>
    private static async Task<JsonElement> SettledReportAsync(HttpClient admin)
    {
        var (last, same) = ("", 0);
        JsonElement report = default;
        for (var watch = global::System.Diagnostics.Stopwatch.StartNew(); same < 5 && watch.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(1000))
        {
            report = await admin.GetFromJsonAsync<JsonElement>("/api/dossiers/reporting");
            var figures = $"{report.GetProperty("totals")}{report.GetProperty("balances")}{report.GetProperty("funnel")}";
            (last, same) = (figures, figures == last ? same + 1 : 0);
        }

        return report;
    }

    private static string Euros(long cents) => CommercialManagement.BuildingBlocks.Locale.Euros.Format(cents);
}
