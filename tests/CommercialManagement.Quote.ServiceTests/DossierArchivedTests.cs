using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>A dossier archived (issue 17): its quote in progress is voided and gives back its places, once; an accepted order stays.</summary>
public sealed class DossierArchivedTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static DossierArchived Archived(Scenario scenario, Guid caseId) => new()
    {
        OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, StaffName = "Camille Roche",
    };

    [Fact]
    public async Task DossierArchived_VoidsTheSentQuote_AndGivesItsPlacesBack_Once()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await QuoteExpiryJobTests.SentAsync(scenario);

        var messageId = Guid.NewGuid();
        await scenario.PublishAsync(Archived(scenario, caseId), messageId);
        await factory.HandledAsync(messageId);
        var again = Guid.NewGuid();
        await scenario.PublishAsync(Archived(scenario, caseId), again);
        await factory.HandledAsync(again);

        var quote = await scenario.QuoteAsync(caseId);
        Assert.Equal(("Voided", "Dossier archivé par Camille Roche"), (quote.GetProperty("state").GetString(), quote.GetProperty("closingReason").GetString()));
        Assert.Equal(0, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteVoided' AND payload->>'quoteId' = @p0", quoteId.ToString()));
    }

    [Fact]
    public async Task DossierArchived_LeavesAnAcceptedOrder()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await QuoteExpiryJobTests.SentAsync(scenario);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" })).StatusCode);

        var messageId = Guid.NewGuid();
        await scenario.PublishAsync(Archived(scenario, caseId), messageId);
        await factory.HandledAsync(messageId);

        Assert.Equal("Accepted", (await scenario.QuoteAsync(caseId)).GetProperty("state").GetString());
        Assert.Equal(7, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
    }
}
