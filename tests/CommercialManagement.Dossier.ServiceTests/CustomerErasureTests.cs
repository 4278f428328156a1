using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>Dossier's part of an erasure: the customer's dossiers of that organisation lose the customer, nothing else does.</summary>
public sealed class CustomerErasureTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private async Task ReceivedAsync(Guid requestId, Guid organisationId, string name, string email, string phone)
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(
            RequestReceivedTests.Received(requestId, organisationId) with { CustomerName = name, CustomerEmail = email, CustomerPhone = phone },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
    }

    private async Task<int> EraseAsync(Guid organisationId, string email, params Guid[] requestIds)
    {
        var (erasureId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.Harness.Bus.Publish(
            new CustomerErasureRequested
            {
                OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email, RequestIds = requestIds,
                RequestedBy = "Claire Admin",
            },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
        return (await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "dossier")).RowsChanged;
    }

    [Fact]
    public async Task AnErasureByEmail_AnonymisesTheOrganisationsDossiersAndTheirHistory_OnceOnly_AndSparesAnotherOrganisation()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email, phone) = ($"Bastien Royer{unique}", $"bastien.{unique}@example.fr", $"+33 6 {unique[..2]} 44 55 66");
        var (mine, byPhone, theirs) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await ReceivedAsync(mine, RequestReceivedTests.OrganisationA, name, email.ToUpperInvariant(), phone);
        await ReceivedAsync(byPhone, RequestReceivedTests.OrganisationA, name, "", phone);
        await ReceivedAsync(theirs, RequestReceivedTests.OrganisationB, "Autre Client", email, "+33 7 00 00 00 00");
        // A history line that quotes the customer, as a staff member may write one.
        await factory.ExecuteAsync($"UPDATE dossier_history SET \"What\" = 'Rappeler {name} au {phone}' WHERE \"DossierId\" = '{mine}'");

        Assert.True(await EraseAsync(RequestReceivedTests.OrganisationA, email, byPhone) > 0);

        var staff = factory.CreateStaffClient(RequestReceivedTests.OrganisationA);
        foreach (var id in new[] { mine, byPhone })
        {
            var dossier = await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
            Assert.Equal("Client effacé", dossier.GetProperty("customerName").GetString());
            Assert.Equal("2027-02-13", dossier.GetProperty("arrival").GetString());
        }

        Assert.Equal("Rappeler Client effacé au ", await factory.ScalarTextAsync("SELECT \"What\" FROM dossier_history WHERE \"DossierId\" = @p0", mine));
        Assert.Empty(await PersonalDataSearch.FindAsync(factory.ConnectionString, name, phone));
        var other = await factory.CreateStaffClient(RequestReceivedTests.OrganisationB).GetFromJsonAsync<JsonElement>($"/api/dossiers/{theirs}");
        Assert.Equal("Autre Client", other.GetProperty("customerName").GetString());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"CustomerEmail\" = @p1", theirs, email));

        Assert.Equal(0, await EraseAsync(RequestReceivedTests.OrganisationA, email, mine, byPhone));
    }
}
