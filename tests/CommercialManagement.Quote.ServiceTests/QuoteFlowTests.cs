using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>A quote built, changed, sent and accepted through the API, each change published through the outbox.</summary>
public sealed class QuoteFlowTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task FirstLine_CreatesTheNumberedQuote_AndPublishesQuoteChangedFromTheOutbox()
    {
        var scenario = await Scenario.NewAsync(factory, prefix: "CHM");
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync();

        var response = await scenario.AddLineAsync(caseId, chalet);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quote = await Scenario.JsonAsync(response);
        Assert.Matches(@"^CHM-\d{4}-00001$", quote.GetProperty("number").GetString());
        Assert.Equal("Draft", quote.GetProperty("state").GetString());
        var line = quote.GetProperty("lines")[0];
        Assert.Equal(7 * 20_000, line.GetProperty("amountCents").GetInt64());
        Assert.Equal(2 * 7 * 200, quote.GetProperty("totals").GetProperty("touristTaxCents").GetInt64());
        Assert.Equal(140_000 + 2_800, quote.GetProperty("totals").GetProperty("totalCents").GetInt64());
        Assert.Equal("7 nuits × 200,00 € (Vacances de février)", line.GetProperty("breakdown")[0].GetProperty("label").GetString());
        var quoteId = quote.GetProperty("id").GetGuid();
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteChanged' AND payload->>'quoteId' = @p0", quoteId.ToString()));
        var changed = await factory.PublishedAsync<QuoteChanged>(e => e.QuoteId == quoteId);
        Assert.Equal((caseId, 1, 142_800L), (changed.RequestId, changed.LineCount, changed.TotalCents));
        Assert.Equal(1, await factory.CountAsync("SELECT \"Held\" FROM availability WHERE \"ProductId\" = @p0 AND \"Date\" = '2027-02-19'", chalet));
    }

    [Fact]
    public async Task GetQuote_ShowsTotalsVatPerRateDepositAndBalance()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 40);
        var caseId = await scenario.CaseAsync();
        await scenario.AddLineAsync(caseId, await scenario.ChaletAsync());
        await scenario.AddCustomAsync(caseId, unitPriceCents: 3, quantity: 1, vat: 2000);

        var quote = await scenario.QuoteAsync(caseId);

        var rates = quote.GetProperty("totals").GetProperty("vatByRate").EnumerateArray().Select(r => (r.GetProperty("rateBasisPoints").GetInt32(), r.GetProperty("netCents").GetInt64(), r.GetProperty("vatCents").GetInt64())).ToList();
        Assert.Equal([(1000, 127_273L, 12_727L), (2000, 3L, 0L)], rates);
        var schedule = quote.GetProperty("schedule");
        Assert.Equal(142_803, quote.GetProperty("totals").GetProperty("totalCents").GetInt64());
        Assert.Equal(57_121, schedule.GetProperty("depositCents").GetInt64());
        Assert.Equal("2027-01-14", schedule.GetProperty("balanceDueDate").GetString());
        Assert.Equal(JsonValueKind.String, quote.GetProperty("validUntil").ValueKind);
    }

    [Fact]
    public async Task GetQuote_BeforeTheFirstLine_Returns404Problem()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();

        var response = await scenario.Agent.GetAsync($"/api/quotes/by-request/{caseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pas encore de devis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAndRemoveLines_FollowTheHolds_AndEachPublishesQuoteChanged()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync(adults: 3, children: []);
        var lesson = await scenario.LessonAsync(capacity: 10);
        var quote = await Scenario.JsonAsync(await scenario.AddLineAsync(caseId, lesson, "2027-02-14", "2027-02-19"));
        var (quoteId, lineId) = (quote.GetProperty("id").GetGuid(), quote.GetProperty("lines")[0].GetProperty("id").GetGuid());

        var patched = await scenario.Agent.PatchAsJsonAsync($"/api/quotes/{quoteId}/lines/{lineId}", new { quantity = 5 });
        var heldAfterPatch = await factory.CountAsync("SELECT \"Held\" FROM availability WHERE \"ProductId\" = @p0 AND \"Date\" = '2027-02-16'", lesson);
        var removed = await scenario.Agent.DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(5 * 6 * 4_000, (await Scenario.JsonAsync(patched)).GetProperty("totals").GetProperty("totalCents").GetInt64());
        Assert.Equal(5, heldAfterPatch);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT sum(\"Held\") FROM availability WHERE \"ProductId\" = @p0", lesson));
        await factory.PublishedAsync<QuoteChanged>(e => e.QuoteId == quoteId && e.LineCount == 0 && e.TotalCents == 0);
        Assert.Equal(3, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'quoteId' = @p0", quoteId.ToString()));
    }

    [Fact]
    public async Task SendThenAcceptByPhone_PublishesQuoteSentAndQuoteAcceptedByStaff()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();

        var blockedBefore = (await scenario.QuoteAsync(caseId)).GetProperty("sendBlockers");
        var early = await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null);
        var customer = await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr", phone = "0612345678" });
        var blockedAfter = (await scenario.QuoteAsync(caseId)).GetProperty("sendBlockers");
        var sent = await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null);
        var accepted = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" });
        var afterwards = await scenario.AddCustomAsync(caseId);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var refusal = (await Scenario.JsonAsync(early)).GetProperty("title").GetString();
        Assert.Contains("Éditer le devis", refusal, StringComparison.Ordinal);
        // The panel reads what blocks the send before it asks « Envoyer le devis ? »: the same words as the refusal.
        Assert.Equal(refusal, Assert.Single(blockedBefore.EnumerateArray()).GetString());
        Assert.Equal(0, blockedAfter.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var quote = await Scenario.JsonAsync(accepted);
        Assert.Equal("Accepted", quote.GetProperty("state").GetString());
        Assert.Equal("Staff", quote.GetProperty("acceptance").GetProperty("by").GetString());
        var sentEvent = await factory.PublishedAsync<QuoteSent>(e => e.QuoteId == quoteId);
        Assert.Equal((5_000L, 1), (sentEvent.TotalCents, sentEvent.Version!.Value));
        var acceptedEvent = await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId);
        Assert.Equal(("Staff", 5_000L), (acceptedEvent.AcceptedBy, acceptedEvent.TotalCents));
        Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
        Assert.Contains("est accepté", (await Scenario.JsonAsync(afterwards)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingASentQuote_MakesVersionTwo_AndKeepsVersionOneInTheHistory()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var quote = await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId));
        var quoteId = quote.GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "Lyon", email = "elodie@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);

        var changed = await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId, unitPriceCents: 1_000));

        Assert.Equal((quoteId, 2, "Draft"), (changed.GetProperty("id").GetGuid(), changed.GetProperty("version").GetInt32(), changed.GetProperty("state").GetString()));
        var previous = Assert.Single(changed.GetProperty("previousVersions").EnumerateArray());
        Assert.Equal((1, 5_000L), (previous.GetProperty("version").GetInt32(), previous.GetProperty("totalCents").GetInt64()));
        Assert.Equal("Lyon", previous.GetProperty("content").GetProperty("customer").GetProperty("address").GetString());
    }

    [Fact]
    public async Task RefusalAndWithdrawal_GiveThePlacesBack_AndPublishQuoteVoided()
    {
        var scenario = await Scenario.NewAsync(factory);
        var chalet = await scenario.ChaletAsync(stock: 2);
        var refusedCase = await scenario.CaseAsync();
        var withdrawnCase = await scenario.CaseAsync();
        var refused = (await Scenario.JsonAsync(await scenario.AddLineAsync(refusedCase, chalet))).GetProperty("id").GetGuid();
        var withdrawn = (await Scenario.JsonAsync(await scenario.AddLineAsync(withdrawnCase, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{refused}/customer", new { name = "Élodie Martin", address = "Lyon", email = "elodie@example.fr" });
        await scenario.Agent.PostAsync($"/api/quotes/{refused}/send", null);

        var noReason = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{refused}/refusal", new { reason = " " });
        var refusal = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{refused}/refusal", new { reason = "Trop cher" });
        var withdrawal = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{withdrawn}/void", new { reason = "Doublon" });
        var again = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{withdrawn}/void", new { reason = "Doublon" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Refused", (await Scenario.JsonAsync(refusal)).GetProperty("state").GetString());
        Assert.Equal("Voided", (await Scenario.JsonAsync(withdrawal)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT sum(\"Held\") FROM availability WHERE \"ProductId\" = @p0", chalet));
        Assert.Contains("Trop cher", (await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == refused)).Reason, StringComparison.Ordinal);
        Assert.Contains("Doublon", (await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == withdrawn)).Reason, StringComparison.Ordinal);
    }
}
