using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>The stay rule: the quote in progress is voided, a re-priced draft replaces it, flagged lines stay visible.</summary>
public sealed class StayChangedTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static StayChanged Changed(Scenario scenario, Guid caseId, DateOnly arrival, DateOnly departure, DateTimeOffset? at = null) => new()
    {
        OrganisationId = scenario.OrganisationId, OccurredAt = at ?? new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), RequestId = caseId,
        Arrival = arrival, Departure = departure, Adults = 2, ChildrenAges = [8, 5], StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
    };

    private async Task<JsonElement> WaitForNewQuoteAsync(Scenario scenario, Guid caseId, Guid oldQuoteId)
    {
        JsonElement quote = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            quote = await scenario.QuoteAsync(caseId);
            return quote.GetProperty("id").GetGuid() != oldQuoteId;
        }, TimeSpan.FromSeconds(20)), "No new draft was made.");
        return quote;
    }

    [Fact]
    public async Task StayChanged_VoidsTheQuote_ReleasesItsPlaces_AndDraftsARepricedOne()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync();
        await scenario.AddLineAsync(caseId, chalet);
        var old = await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId, unitPriceCents: 4_000, vat: 550));
        var oldId = old.GetProperty("id").GetGuid();

        // One week earlier: 6 → 13 February, across the January / February boundary.
        await scenario.PublishAsync(Changed(scenario, caseId, new(2027, 2, 6), new(2027, 2, 13)));
        var draft = await WaitForNewQuoteAsync(scenario, caseId, oldId);

        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.NotEqual(old.GetProperty("number").GetString(), draft.GetProperty("number").GetString());
        Assert.Equal(oldId, draft.GetProperty("replacesQuoteId").GetGuid());
        var lines = draft.GetProperty("lines");
        Assert.Equal(("2027-02-06", "2027-02-13", 140_000L), (lines[0].GetProperty("from").GetString(), lines[0].GetProperty("to").GetString(), lines[0].GetProperty("amountCents").GetInt64()));
        Assert.Equal((4_000L, 550), (lines[1].GetProperty("amountCents").GetInt64(), lines[1].GetProperty("vatRateBasisPoints").GetInt32()));
        var voided = Assert.Single(draft.GetProperty("otherQuotes").EnumerateArray());
        Assert.Equal("Voided", voided.GetProperty("state").GetString());
        Assert.Contains("ont changé (Lucas Girard)", voided.GetProperty("closingReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Date\" >= '2027-02-13' AND \"Held\" > 0", chalet));
        Assert.Equal(7, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Date\" BETWEEN '2027-02-06' AND '2027-02-12' AND \"Held\" = 1", chalet));
        var voidedEvent = await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == oldId);
        Assert.Equal(caseId, voidedEvent.RequestId);
        var draftId = draft.GetProperty("id").GetGuid();
        await factory.PublishedAsync<QuoteChanged>(e => e.QuoteId == draftId && e.LineCount == 2 && e.TotalCents == draft.GetProperty("totals").GetProperty("totalCents").GetInt64());
    }

    [Fact]
    public async Task StayChanged_ALineNoLongerAvailable_IsFlagged_AndLeftOutOfTheTotals()
    {
        var scenario = await Scenario.NewAsync(factory);
        var chalet = await scenario.ChaletAsync(stock: 1);
        var caseId = await scenario.CaseAsync();
        var other = await scenario.CaseAsync();
        await scenario.AddLineAsync(caseId, chalet);
        var oldId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        // Another case takes the chalet for the week after.
        await scenario.PublishAsync(Changed(scenario, other, new(2027, 2, 20), new(2027, 2, 27)));
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"Arrival\" = '2027-02-20'", other) == 1, TimeSpan.FromSeconds(20)));
        var otherQuote = await Scenario.JsonAsync(await scenario.AddLineAsync(other, chalet, "2027-02-20", "2027-02-27"));

        await scenario.PublishAsync(Changed(scenario, caseId, new(2027, 2, 20), new(2027, 2, 27)));
        var draft = await WaitForNewQuoteAsync(scenario, caseId, oldId);

        var flagged = draft.GetProperty("lines")[0];
        Assert.False(flagged.GetProperty("counted").GetBoolean());
        Assert.Contains("est complet le 20/02/2027", flagged.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(5_000, draft.GetProperty("totals").GetProperty("totalCents").GetInt64());
        Assert.Equal(7, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Held\" = 1", chalet));
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Agent.PostAsync($"/api/quotes/{draft.GetProperty("id").GetGuid()}/send", null)).StatusCode);

        // The other case lets the chalet go: setting the flagged line's quantity prices it again and counts it.
        await scenario.Agent.DeleteAsync($"/api/quotes/{otherQuote.GetProperty("id").GetGuid()}/lines/{otherQuote.GetProperty("lines")[0].GetProperty("id").GetGuid()}");
        var fixedResponse = await scenario.Agent.PatchAsJsonAsync($"/api/quotes/{draft.GetProperty("id").GetGuid()}/lines/{flagged.GetProperty("id").GetGuid()}", new { quantity = 1 });

        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
        var fixedQuote = await Scenario.JsonAsync(fixedResponse);
        Assert.True(fixedQuote.GetProperty("lines")[0].GetProperty("counted").GetBoolean());
        Assert.Equal(140_000 + 5_000 + 2_800, fixedQuote.GetProperty("totals").GetProperty("totalCents").GetInt64());
    }

    [Fact]
    public async Task StayChanged_DeliveredTwice_VoidsOnceAndDraftsOnce()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddCustomAsync(caseId);
        var changed = Changed(scenario, caseId, new(2027, 3, 1), new(2027, 3, 6));

        Guid[] messageIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        // Twice as new messages (a republish by the Dossier service), then once redelivered with the same id.
        await scenario.PublishAsync(changed, messageIds[0]);
        await scenario.PublishAsync(changed, messageIds[1]);
        await scenario.PublishAsync(changed, messageIds[2]);
        await scenario.PublishAsync(changed, messageIds[2]);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p0)", messageIds) == 3, TimeSpan.FromSeconds(20)));
        Assert.Equal(2, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0 AND \"State\" = 'Voided'", caseId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteVoided' AND payload->>'requestId' = @p0", caseId.ToString()));
    }
}
