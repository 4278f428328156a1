using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class WebsitesTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static readonly Guid OrganisationA = Guid.NewGuid();
    private static readonly Guid OrganisationB = Guid.NewGuid();

    private async Task<JsonElement> CreateAsync(Guid organisationId, string name, params string[] origins)
    {
        var response = await factory.CreateStaffClient(organisationId, StaffClaims.AdminRole)
            .PostAsJsonAsync("/api/websites", new { name, allowedOrigins = origins });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task CreateWebsite_AsAdmin_GivesANewSiteKeyThatAcceptsRequestsForTheOrganisation()
    {
        var website = await CreateAsync(OrganisationA, "Résidence du Lac", "https://www.residence-du-lac.fr/");
        var siteKey = website.GetProperty("siteKey").GetString()!;

        Assert.StartsWith("site-", siteKey, StringComparison.Ordinal);
        Assert.Equal("https://www.residence-du-lac.fr", website.GetProperty("allowedOrigins")[0].GetString());
        var posted = await factory.CreateClient().PostAsJsonAsync("/public/requests", new { siteKey, name = "Anne", email = "anne@example.fr", consent = true });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"OrganisationId\" = @p1", id, OrganisationA));
    }

    [Fact]
    public async Task CreateWebsite_AsAgent_Is403AndStoresNothing()
    {
        var response = await factory.CreateStaffClient(OrganisationA, StaffClaims.AgentRole)
            .PostAsJsonAsync("/api/websites", new { name = "Site d'agent", allowedOrigins = new[] { "https://agent.example" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM websites WHERE \"Name\" = 'Site d''agent'"));
    }

    [Theory]
    [InlineData("https://www.example.fr/contact")]
    [InlineData("www.example.fr")]
    [InlineData("ftp://example.fr")]
    public async Task CreateWebsite_WithAnOriginThatIsNotOne_Is400NamingIt(string origin)
    {
        var response = await factory.CreateStaffClient(OrganisationA, StaffClaims.AdminRole)
            .PostAsJsonAsync("/api/websites", new { name = "Mauvaise origine", allowedOrigins = new[] { origin } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("allowedOrigins")[0].GetString();
        Assert.Contains(origin, message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM websites WHERE \"Name\" = 'Mauvaise origine'"));
    }

    [Fact]
    public async Task Websites_OfAnotherOrganisation_AreNeitherListedNorUpdatable()
    {
        var website = await CreateAsync(OrganisationA, "Site de A", "https://a.example");
        var id = website.GetProperty("id").GetGuid();
        var adminOfB = factory.CreateStaffClient(OrganisationB, StaffClaims.AdminRole);

        var listed = await adminOfB.GetFromJsonAsync<JsonElement>("/api/websites");
        var updated = await adminOfB.PutAsJsonAsync($"/api/websites/{id}", new { name = "Volé", allowedOrigins = new[] { "https://b.example" }, enabled = false });

        Assert.DoesNotContain(listed.EnumerateArray(), w => w.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, updated.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM websites WHERE \"Id\" = @p0 AND \"Name\" = 'Site de A' AND \"Enabled\"", id));
    }

    [Fact]
    public async Task DisabledWebsite_ItsRequestsAreRefusedWith403()
    {
        var website = await CreateAsync(OrganisationA, "Site fermé", "https://ferme.example");
        var id = website.GetProperty("id").GetGuid();
        await factory.CreateStaffClient(OrganisationA, StaffClaims.AdminRole)
            .PutAsJsonAsync($"/api/websites/{id}", new { name = "Site fermé", allowedOrigins = new[] { "https://ferme.example" }, enabled = false });

        var posted = await factory.CreateClient().PostAsJsonAsync("/public/requests",
            new { siteKey = website.GetProperty("siteKey").GetString(), name = "Anne", email = "ferme@example.fr", consent = true });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = 'ferme@example.fr'"));
    }

    [Fact]
    public async Task WebsiteDisabledAfterItPosted_ItsNextRequestIsRefusedAtOnce()
    {
        // The intake keeps a site it has just seen for a few seconds: disabling it must not wait for that.
        var website = await CreateAsync(OrganisationA, "Site bientôt fermé", "https://bientot.example");
        var id = website.GetProperty("id").GetGuid();
        var siteKey = website.GetProperty("siteKey").GetString();
        var first = await factory.CreateClient().PostAsJsonAsync("/public/requests",
            new { siteKey, name = "Anne", email = "avant@example.fr", consent = true });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        await factory.CreateStaffClient(OrganisationA, StaffClaims.AdminRole)
            .PutAsJsonAsync($"/api/websites/{id}", new { name = "Site bientôt fermé", allowedOrigins = new[] { "https://bientot.example" }, enabled = false });
        var second = await factory.CreateClient().PostAsJsonAsync("/public/requests",
            new { siteKey, name = "Anne", email = "apres@example.fr", consent = true });

        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = 'apres@example.fr'"));
    }

    [Theory]
    [MemberData(nameof(UnauthorisedCalls.Names), MemberType = typeof(UnauthorisedCalls))]
    public async Task ListWebsites_WithoutAValidStaffToken_Returns401(string call)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/websites");
        UnauthorisedCalls.Authorise(request, factory.Tokens, call, OrganisationA);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
