using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// Inbox's part of an access request: an Admin gets every request, message and mailbox line of an address in the
/// organisation, never the space's secrets, never another organisation's rows; an Agent is refused.
/// </summary>
public sealed class PersonalDataExportTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private async Task<Guid> WebRequestAsync(string siteKey, string name, string email)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new
        {
            siteKey, name, email, arrival = "2027-02-13", departure = "2027-02-20", adults = 2, message = $"Bonjour, ici {name}.", consent = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Export_GivesTheAdminTheCustomersRequestsAndMessages_WithoutSecrets_NorAnotherOrganisationsRows()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"export.{unique}@example.fr";
        var mine = await WebRequestAsync(DemoOrganisations.ValNeveOfficeSiteKey, $"Jeanne Export{unique}", email);
        var theirs = await WebRequestAsync(DemoOrganisations.EsfValNeveSiteKey, "Autre Client", email);
        var admin = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice, StaffClaims.AdminRole);
        var reply = await admin.PostAsJsonAsync($"/api/requests/{mine}/messages", new { body = $"Bonjour Jeanne Export{unique}, c'est noté.", @internal = false });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var response = await admin.GetAsync($"/api/requests/personal-data?email={Uri.EscapeDataString(email.ToUpperInvariant())}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal([mine], export.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()));
        var request = Assert.Single(export.GetProperty("tables").GetProperty("requests").EnumerateArray());
        Assert.Equal($"Jeanne Export{unique}", request.GetProperty("CustomerName").GetString());
        Assert.Equal($"Bonjour, ici Jeanne Export{unique}.", request.GetProperty("Message").GetString());
        Assert.Contains(export.GetProperty("tables").GetProperty("messages").EnumerateArray(), m => m.GetProperty("Body").GetString() == $"Bonjour Jeanne Export{unique}, c'est noté.");
        Assert.DoesNotContain(theirs.ToString(), text);
        Assert.DoesNotContain("CustomerSpaceToken", text);
        Assert.DoesNotContain("ReplyToken", text);
    }

    [Fact]
    public async Task Export_IsForAdminsOnly_AndNeedsAnAddress()
    {
        var agent = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice);
        var admin = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice, StaffClaims.AdminRole);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/requests/personal-data?email=a%40example.fr")).StatusCode);
        var refused = await admin.GetAsync("/api/requests/personal-data?email=pas-une-adresse");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("adresse e-mail", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
