using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>Dossier's part of an access request: the Admin gets the customer's dossiers and history, never another organisation's.</summary>
public sealed class PersonalDataExportTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private async Task ReceivedAsync(Guid requestId, Guid organisationId, string name, string email)
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(
            RequestReceivedTests.Received(requestId, organisationId) with { CustomerName = name, CustomerEmail = email },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
    }

    [Fact]
    public async Task Export_GivesTheAdminTheCustomersDossiersAndHistory_NotAnotherOrganisations()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"lucie.{unique}@example.fr";
        var (mine, theirs) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await ReceivedAsync(mine, RequestReceivedTests.OrganisationA, $"Lucie Export{unique}", email.ToUpperInvariant());
        await ReceivedAsync(theirs, RequestReceivedTests.OrganisationB, "Autre Client", email);
        var admin = factory.CreateStaffClient(RequestReceivedTests.OrganisationA, StaffClaims.AdminRole);

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/dossiers/personal-data?email={Uri.EscapeDataString(email)}");

        Assert.Equal([mine], export.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()));
        var dossier = Assert.Single(export.GetProperty("tables").GetProperty("dossiers").EnumerateArray());
        Assert.Equal($"Lucie Export{unique}", dossier.GetProperty("CustomerName").GetString());
        Assert.NotEmpty(export.GetProperty("tables").GetProperty("dossier_history").EnumerateArray());
        Assert.All(export.GetProperty("tables").GetProperty("dossier_history").EnumerateArray(), h => Assert.Equal(mine, h.GetProperty("DossierId").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(RequestReceivedTests.OrganisationA).GetAsync($"/api/dossiers/personal-data?email={Uri.EscapeDataString(email)}")).StatusCode);
    }
}
