using System.Net;
using System.Net.Http.Json;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>Another organisation's staff get 404 on every quote endpoint and change nothing; no token, 401.</summary>
public sealed class IsolationTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task EveryQuoteEndpoint_ForAnotherOrganisation_Returns404AndChangesNothing()
    {
        var owner = await Scenario.NewAsync(factory);
        var other = await Scenario.NewAsync(factory, "BookingOffice");
        var caseId = await owner.CaseAsync();
        var chalet = await owner.ChaletAsync();
        var quote = await Scenario.JsonAsync(await owner.AddLineAsync(caseId, chalet));
        var (quoteId, lineId) = (quote.GetProperty("id").GetGuid(), quote.GetProperty("lines")[0].GetProperty("id").GetGuid());
        var client = other.Admin;
        var outboxBefore = await factory.CountAsync("SELECT count(*) FROM outbox_messages");

        HttpResponseMessage[] responses =
        [
            await client.GetAsync($"/api/quotes/by-request/{caseId}"),
            await client.GetAsync($"/api/quotes/by-request/{caseId}/offers"),
            await other.AddLineAsync(caseId, chalet, client: client),
            await other.AddCustomAsync(caseId, client: client),
            await client.PatchAsJsonAsync($"/api/quotes/{quoteId}/lines/{lineId}", new { quantity = 1 }),
            await client.DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}"),
            await client.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Intrus", address = "Ailleurs", email = "intrus@example.fr" }),
            await client.PostAsync($"/api/quotes/{quoteId}/send", null),
            await client.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "" }),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.DoesNotContain("Élodie", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await owner.QuoteAsync(caseId);
        Assert.Equal((1, "Draft"), (after.GetProperty("lines").GetArrayLength(), after.GetProperty("state").GetString()));
        Assert.Equal("Élodie Martin", after.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(outboxBefore, await factory.CountAsync("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0", caseId));
    }

    [Theory]
    [MemberData(nameof(UnauthorisedCalls.Names), MemberType = typeof(UnauthorisedCalls))]
    public async Task Quotes_WithoutAValidStaffToken_Return401(string call)
    {
        var organisation = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/quotes/by-request/{Guid.NewGuid()}");
        UnauthorisedCalls.Authorise(request, factory.Tokens, call, organisation);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }
}
