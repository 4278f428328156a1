using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>
/// Money on the real system, with the sandbox in place of Stripe: an accepted quote, the deposit asked and paid on the
/// sandbox's checkout page (its signed event through the webhook), then the balance; the dossier moves by itself to
/// « Acompte versé », « Paiement soldé », and « Commande traitée » once ticked; the customer receives each email.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PaymentJourneyTests(SystemFixture system)
{
    [Fact]
    public async Task DepositThenBalance_PaidInTheSandbox_MoveTheDossier_AndTheReceiptsAreEmailed()
    {
        var email = $"paiement-{Guid.NewGuid():N}@example.fr";
        var (id, quoteNumber, total) = await AcceptedQuoteAsync(system, email);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var token = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("customerSpaceToken").GetString()!;
        using var mail = new MailCatcher(system);

        var deposit = await RequestAsync(staff, id, "Deposit");
        var asked = await mail.WaitForAsync(email, "Demande de paiement");
        Assert.Contains($"/espace/{token}/payer/{deposit.Id}", asked.Html, StringComparison.Ordinal);
        Assert.Contains(quoteNumber, asked.PlainText, StringComparison.Ordinal);
        await PayInTheSandboxAsync(system, token, deposit.Id);
        Assert.True(await StatusBecomesAsync(staff, id, "DepositPaid"), "The dossier never reached « Acompte versé ».");
        var receipt = await mail.WaitForAsync(email, "Reçu de paiement");

        var ledger = await staff.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{id}");
        Assert.Equal(deposit.AmountCents, ledger.GetProperty("paidCents").GetInt64());
        Assert.Equal(total - deposit.AmountCents, ledger.GetProperty("remainingCents").GetInt64());
        var balance = await RequestAsync(staff, id, "Balance");
        Assert.Equal(total - deposit.AmountCents, balance.AmountCents);
        await PayInTheSandboxAsync(system, token, balance.Id);
        Assert.True(await StatusBecomesAsync(staff, id, "PaidInFull"), "The dossier never reached « Paiement soldé ».");

        var ticked = await staff.PutAsync($"/api/dossiers/{id}/processed", null);
        Assert.True(ticked.IsSuccessStatusCode, await ticked.Content.ReadAsStringAsync());
        Assert.True(await StatusBecomesAsync(staff, id, "Processed"), "The dossier never reached « Commande traitée ».");
        Assert.True(await Eventually.TrueAsync(async () => (await mail.CountAsync(email, "Reçu de paiement")) == 2, TimeSpan.FromSeconds(60)),
            "The balance's receipt never reached the mail catcher.");
        Assert.Contains("Carte bancaire", receipt.PlainText, StringComparison.Ordinal);
    }

    internal sealed record AskedPayment(Guid Id, long AmountCents);

    /// <summary>A web request, one « Divers » line, the customer's details, sent and accepted by phone: the case awaits payment.</summary>
    internal static async Task<(Guid Id, string Number, long TotalCents)> AcceptedQuoteAsync(SystemFixture system, string email) =>
        await AcceptedQuoteOfAsync(system, await RequestToCaseTests.PostRequestAsync(system.Gateway(), email), email);

    /// <summary>A web request for a stay from <paramref name="arrival"/> (a week), accepted as <see cref="AcceptedQuoteOfAsync"/> does.</summary>
    internal static async Task<(Guid Id, string Number, long TotalCents)> AcceptedQuoteArrivingAsync(SystemFixture system, string email, DateOnly arrival)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(SampleRequests.Valid(email)))!;
        body["arrival"] = JsonSerializer.SerializeToElement(arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        body["departure"] = JsonSerializer.SerializeToElement(arrival.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var posted = await system.Gateway().PostAsJsonAsync("/public/requests", body);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await AcceptedQuoteOfAsync(system, id, email);
    }

    /// <summary>The request <paramref name="id"/> (posted by the caller) given one « Divers » line, the customer's details, sent and accepted by phone.</summary>
    internal static async Task<(Guid Id, string Number, long TotalCents)> AcceptedQuoteOfAsync(SystemFixture system, Guid id, string email)
    {
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));
        var line = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/custom-lines", new { label = "Séjour sur mesure", quantity = 1, unitPriceCents = 120_000, vatRateBasisPoints = 1000 });
        Assert.True(line.IsSuccessStatusCode, await line.Content.ReadAsStringAsync());
        var quote = await line.Content.ReadFromJsonAsync<JsonElement>();
        var quoteId = quote.GetProperty("id").GetGuid();
        Assert.True((await staff.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email })).IsSuccessStatusCode);
        var sent = await staff.PostAsync($"/api/quotes/{quoteId}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var accepted = await staff.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var total = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals").GetProperty("totalCents").GetInt64();
        Assert.True(await Eventually.TrueAsync(async () => (await staff.GetAsync($"/api/payments/by-request/{id}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)),
            "The Payment service never learnt of the acceptance.");
        return (id, quote.GetProperty("number").GetString()!, total);
    }

    internal static async Task<AskedPayment> RequestAsync(HttpClient staff, Guid id, string kind)
    {
        var response = await staff.PostAsJsonAsync($"/api/payments/by-request/{id}/requests", new { kind });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var request = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requests").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == kind && r.GetProperty("status").GetString() == "Open");
        return new AskedPayment(request.GetProperty("id").GetGuid(), request.GetProperty("amountCents").GetInt64());
    }

    /// <summary>The customer's « Payer » button in the space (the email's link leads there), the sandbox's page it opens, the test card that succeeds.</summary>
    internal static async Task PayInTheSandboxAsync(SystemFixture system, string token, Guid paymentRequestId)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Gateway().BaseAddress };
        var link = await browser.GetAsync($"/espace/{token}/payer/{paymentRequestId}");
        Assert.Equal($"/espace/{token}#paiements", link.Headers.Location?.OriginalString);
        var pay = await CustomerSpaceForms.PayAsync(browser, token, paymentRequestId);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var checkout = pay.Headers.Location!;
        Assert.Contains("/sandbox/checkout/", checkout.ToString(), StringComparison.Ordinal);
        var page = await browser.GetStringAsync(checkout);
        Assert.Contains("4242 4242 4242 4242", page, StringComparison.Ordinal);
        var paid = await browser.PostAsync(checkout, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "elodie@example.fr", ["name"] = "Élodie Martin", ["card"] = "4242 4242 4242 4242", ["expiry"] = "12/34", ["cvc"] = "123",
        }));
        Assert.True(paid.StatusCode == HttpStatusCode.SeeOther, await paid.Content.ReadAsStringAsync());
        Assert.Contains($"/espace/{token}?paiement=ok", paid.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    internal static Task<bool> StatusBecomesAsync(HttpClient staff, Guid id, string status) => Eventually.TrueAsync(async () =>
        (await RequestToCaseTests.FindCaseAsync(staff, id))?.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(45));
}
