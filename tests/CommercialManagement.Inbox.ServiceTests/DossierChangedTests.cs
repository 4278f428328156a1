using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using MassTransit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// One consumer keeps both facts Inbox draws from a dossier's move, from one delivery: the archive (the clock stops, the
/// request remembers it) and whether the request became a dossier (for the retention), on the queue it always had.
/// </summary>
public sealed class DossierChangedTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private async Task<Guid> WebRequestAsync()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new
        {
            siteKey = DemoOrganisations.ValNeveOfficeSiteKey, name = "Basile Dossier", email = $"{Guid.NewGuid():N}@example.fr", adults = 2,
            message = "Bonjour, avez-vous de la place ?", consent = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> DossierAsync(Guid requestId, string status)
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(
            new DossierChanged { OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, Status = status },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
        return messageId;
    }

    private Task<long> RequestsAsync(Guid id, string condition) =>
        factory.CountAsync($"SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND {condition}", id);

    [Fact]
    public async Task AnArchivedRequest_StopsWaiting_AndCountsAsNeverADossier_ThenAQuoteMakesItOneForGood()
    {
        var id = await WebRequestAsync();
        Assert.Equal(1, await RequestsAsync(id, "\"AwaitingReplySince\" IS NOT NULL AND \"BecameDossier\" IS NULL"));

        var archived = await DossierAsync(id, "Archived");

        Assert.Equal(1, await RequestsAsync(id, "\"AwaitingReplySince\" IS NULL AND \"Archived\" AND \"BecameDossier\" = false"));
        await factory.PublishedAsync<ConversationChanged>(c => c.RequestId == id);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0 AND consumer = 'inbox-dossier-archived'", archived));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", archived));

        await DossierAsync(id, "New");
        Assert.Equal(1, await RequestsAsync(id, "NOT \"Archived\" AND \"BecameDossier\" = true"));

        await DossierAsync(id, "Request");
        Assert.Equal(1, await RequestsAsync(id, "NOT \"Archived\" AND \"BecameDossier\" = true"));
    }
}
