using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>A sent quote past its validity date: shown expired, and an acceptance is refused with the date.</summary>
public sealed class ExpiryTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task Acceptance_AfterTheValidityDate_Is409_AndNothingIsPublished()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "Lyon", email = "elodie@example.fr" });
        var sent = await Scenario.JsonAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null));
        Assert.Equal("2026-11-27", sent.GetProperty("validUntil").GetString());

        factory.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var response = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Trop tard" });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("Ce devis a expiré le 27/11/2026 : il ne peut plus être accepté.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
            var quote = await scenario.QuoteAsync(caseId);
            Assert.True(quote.GetProperty("expired").GetBoolean());
            Assert.Equal("Sent", quote.GetProperty("state").GetString());
            Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteAccepted' AND payload->>'quoteId' = @p0", quoteId.ToString()));
            Assert.Null(factory.PublishedMessageId<QuoteAccepted>(e => e.QuoteId == quoteId));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-8));
        }
    }
}
