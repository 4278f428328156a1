using System.Net;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

public sealed class DossierSecurityTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private async Task<Guid> CaseOfAsync(Guid organisationId)
    {
        var requestId = Guid.CreateVersion7();
        await factory.Harness.Bus.Publish(RequestReceivedTests.Received(requestId, organisationId), context => context.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", requestId) == 1,
            TimeSpan.FromSeconds(15)));
        return requestId;
    }

    [Theory]
    [MemberData(nameof(UnauthorisedCalls.Names), MemberType = typeof(UnauthorisedCalls))]
    public async Task GetDossier_WithoutAValidStaffToken_Returns401(string call)
    {
        var id = await CaseOfAsync(RequestReceivedTests.OrganisationA);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{id}");
        UnauthorisedCalls.Authorise(request, factory.Tokens, call, RequestReceivedTests.OrganisationA);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetDossier_OfAnotherOrganisation_Returns404AndNoData()
    {
        var id = await CaseOfAsync(RequestReceivedTests.OrganisationA);

        var asOwner = await factory.CreateStaffClient(RequestReceivedTests.OrganisationA).GetAsync($"/api/dossiers/{id}");
        var asOther = await factory.CreateStaffClient(RequestReceivedTests.OrganisationB).GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asOther.StatusCode);
        Assert.DoesNotContain("Élodie", await asOther.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestReceived_ForOrganisationB_IsInvisibleToOrganisationA()
    {
        var id = await CaseOfAsync(RequestReceivedTests.OrganisationB);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateStaffClient(RequestReceivedTests.OrganisationA).GetAsync($"/api/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateStaffClient(RequestReceivedTests.OrganisationB).GetAsync($"/api/dossiers/{id}")).StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"OrganisationId\" = @p1", id, RequestReceivedTests.OrganisationB));
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }
}
