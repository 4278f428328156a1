using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// « Annuler le dossier » (issue 16): <c>CaseCancelled</c> voids the accepted quote (« Dossier annulé : … »), gives its
/// places back as any void does, and publishes <c>QuoteVoided</c>, once however often it arrives.
/// </summary>
public sealed class CaseCancelledTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static CaseCancelled Cancelled(Scenario scenario, Guid caseId, Guid quoteId) => new()
    {
        OrganisationId = scenario.OrganisationId, OccurredAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), RequestId = caseId, QuoteId = quoteId,
        QuoteNumber = "DEV-2026-00001", RequestedBy = "Customer", Reason = "Jambe cassée", DaysBeforeArrival = 70, RetainedCents = 30_000, RefundCents = 70_000,
        StaffName = "Camille Roche", Language = "fr",
    };

    /// <summary>A case whose quote holds the chalet (stock 1) for the stay, sent and accepted by phone.</summary>
    private async Task<(Guid Case, Guid Quote, Guid Chalet)> AcceptedAsync(Scenario scenario)
    {
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync(stock: 1);
        var quoteId = (await Scenario.JsonAsync(await scenario.AddLineAsync(caseId, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" })).StatusCode);
        Assert.Equal(7, await HeldAsync(chalet));
        return (caseId, quoteId, chalet);
    }

    private Task<long> HeldAsync(Guid productId) =>
        factory.CountAsync("SELECT coalesce(sum(\"Held\"), 0) FROM availability WHERE \"ProductId\" = @p0", productId);

    private Task<long> VoidedEventsAsync(Guid quoteId) =>
        factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteVoided' AND payload->>'quoteId' = @p0", quoteId.ToString());

    private async Task<JsonElement> WaitForVoidedAsync(Scenario scenario, Guid caseId)
    {
        JsonElement quote = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            quote = await scenario.QuoteAsync(caseId);
            return quote.GetProperty("state").GetString() == "Voided";
        }, TimeSpan.FromSeconds(20)), $"The accepted quote was not voided; last seen: {quote}");
        return quote;
    }

    [Fact]
    public async Task CaseCancelled_VoidsTheAcceptedQuote_GivesItsPlacesBack_AndPublishesQuoteVoided()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await AcceptedAsync(scenario);

        await scenario.PublishAsync(Cancelled(scenario, caseId, quoteId));

        var quote = await WaitForVoidedAsync(scenario, caseId);
        Assert.Equal((quoteId, "Dossier annulé : Jambe cassée"), (quote.GetProperty("id").GetGuid(), quote.GetProperty("closingReason").GetString()));
        // The acceptance stays on it: who accepted, when.
        Assert.Equal("Staff", quote.GetProperty("acceptance").GetProperty("by").GetString());
        Assert.Equal(0, await HeldAsync(chalet));
        var voided = await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == quoteId);
        Assert.Equal((caseId, "Dossier annulé : Jambe cassée", false, true), (voided.RequestId, voided.Reason, voided.ReplacedByNewQuote!.Value, voided.SeenByCustomer!.Value));
        Assert.Equal(1, await VoidedEventsAsync(quoteId));

        // The cancelled case takes no new quote.
        var added = await scenario.AddCustomAsync(caseId);
        Assert.Equal(HttpStatusCode.Conflict, added.StatusCode);
        Assert.StartsWith("Ce dossier est annulé", (await Scenario.JsonAsync(added)).GetProperty("title").GetString(), StringComparison.Ordinal);

        // The chalet is for sale again on those dates: another case takes it.
        var other = await scenario.CaseAsync();
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet)).StatusCode);
        Assert.Equal(7, await HeldAsync(chalet));
    }

    [Fact]
    public async Task CaseCancelled_RedeliveredAndRepublished_VoidsOnce_AndNeverReleasesAnotherCasesPlaces()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await AcceptedAsync(scenario);
        var cancelled = Cancelled(scenario, caseId, quoteId);
        Guid[] messageIds = [Guid.NewGuid(), Guid.NewGuid()];
        await scenario.PublishAsync(cancelled, messageIds[0]);
        await WaitForVoidedAsync(scenario, caseId);
        var other = await scenario.CaseAsync();
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet)).StatusCode);

        // Redelivered with the same id, then republished as a new message.
        await scenario.PublishAsync(cancelled, messageIds[0]);
        await scenario.PublishAsync(cancelled, messageIds[1]);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p0)", messageIds) == 2, TimeSpan.FromSeconds(20)));
        Assert.Equal(7, await HeldAsync(chalet));
        Assert.Equal(1, await VoidedEventsAsync(quoteId));
        Assert.Equal("Dossier annulé : Jambe cassée", (await scenario.QuoteAsync(caseId)).GetProperty("closingReason").GetString());
    }

    [Fact]
    public async Task CaseCancelled_ForAnUnknownQuote_ChangesNothing()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await AcceptedAsync(scenario);
        var messageId = Guid.NewGuid();

        await scenario.PublishAsync(Cancelled(scenario, caseId, Guid.NewGuid()), messageId);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", messageId) == 1, TimeSpan.FromSeconds(20)));
        Assert.Equal("Accepted", (await scenario.QuoteAsync(caseId)).GetProperty("state").GetString());
        Assert.Equal(7, await HeldAsync(chalet));
        Assert.Equal(0, await VoidedEventsAsync(quoteId));
    }
}
