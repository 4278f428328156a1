using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>Quote's part of an erasure: the case's copy and the quotes (sent versions too) lose the customer, in that organisation only.</summary>
public sealed class CustomerErasureTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private async Task<int> EraseAsync(Scenario scenario, string email, params Guid[] requestIds)
    {
        var (erasureId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await scenario.PublishAsync(
            new CustomerErasureRequested
            {
                OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email,
                RequestIds = requestIds, RequestedBy = "Claire Admin",
            },
            messageId);
        await factory.HandledAsync(messageId);
        return (await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "quote")).RowsChanged;
    }

    private static async Task<Guid> SentAndChangedQuoteAsync(Scenario scenario, Guid caseId, string name, string address, string email, string phone)
    {
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name, address, email, phone })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        await scenario.AddCustomAsync(caseId, unitPriceCents: 1_000);
        return quoteId;
    }

    [Fact]
    public async Task AnErasureByEmail_AnonymisesTheCaseAndItsQuotesWithTheirVersions_OnceOnly_AndSparesAnotherOrganisation()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email, phone, address) = ($"Capucine Lefort{unique}", $"capucine.{unique}@example.fr", $"06{unique[..2]}778899", $"{unique} chemin des Mélèzes, 38000 Grenoble");
        var mine = await Scenario.NewAsync(factory);
        var theirs = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        await mine.PublishAsync(mine.Request(caseId) with { CustomerName = name, CustomerEmail = email, CustomerPhone = phone });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", caseId) == 1, TimeSpan.FromSeconds(20)));
        await SentAndChangedQuoteAsync(mine, caseId, name, address, email.ToUpperInvariant(), phone);
        var otherCase = await theirs.CaseAsync();
        await SentAndChangedQuoteAsync(theirs, otherCase, "Autre Client", "1 place du Village", email, "0700000000");

        Assert.True(await EraseAsync(mine, email) > 0);

        var quote = await mine.QuoteAsync(caseId);
        Assert.Equal("Client effacé", quote.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("", quote.GetProperty("customer").GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(quote.GetProperty("previousVersions").EnumerateArray()).GetProperty("content").GetProperty("customer").ValueKind);
        Assert.Equal(5_000, quote.GetProperty("lines")[0].GetProperty("unitPriceCents").GetInt64());
        Assert.Empty(await PersonalDataSearch.FindAsync(factory.ConnectionString, name, phone, address));
        var other = await theirs.QuoteAsync(otherCase);
        Assert.Equal(("Autre Client", email), (other.GetProperty("customer").GetProperty("name").GetString(), other.GetProperty("customer").GetProperty("email").GetString()));
        Assert.Equal("1 place du Village", other.GetProperty("previousVersions")[0].GetProperty("content").GetProperty("customer").GetProperty("address").GetString());

        Assert.Equal(0, await EraseAsync(mine, email, caseId));
    }
}
