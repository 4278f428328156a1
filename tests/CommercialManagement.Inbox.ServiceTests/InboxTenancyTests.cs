using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class InboxTenancyTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }

    [Theory]
    [InlineData("valneve-office-demo", "0b5e7a10-0000-4000-8000-000000000001")]
    [InlineData("esf-valneve-demo", "0b5e7a10-0000-4000-8000-000000000002")]
    public async Task SubmitRequest_IsStoredInTheOrganisationOfItsSiteKey(string siteKey, string organisationId)
    {
        var email = $"{siteKey}@example.fr";
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new { siteKey, name = "Paul Durand", email, consent = true });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"OrganisationId\" = @p1", id, Guid.Parse(organisationId)));
        var published = await factory.PublishedAsync<Contracts.Inbox.RequestReceived>(m => m.RequestId == id);
        Assert.Equal(Guid.Parse(organisationId), published.OrganisationId);
    }
}
