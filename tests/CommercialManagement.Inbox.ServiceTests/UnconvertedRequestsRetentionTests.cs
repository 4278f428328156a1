using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Inbox.Api.Features.PersonalData;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The retention of requests that never became dossiers (issue 19): past 24 months of silence they go, with their
/// conversation, and the other services are told; a dossier, a recent request and a request Dossier said nothing about stay.
/// </summary>
public sealed class UnconvertedRequestsRetentionTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private async Task<Guid> WebRequestAsync(string name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new
        {
            siteKey = DemoOrganisations.ValNeveOfficeSiteKey, name, email = $"{Guid.NewGuid():N}@example.fr", adults = 2, message = $"Bonjour, ici {name}.", consent = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task DossierAsync(Guid requestId, string status, bool expected)
    {
        await factory.Harness.Bus.Publish(new DossierChanged
        {
            OrganisationId = DemoOrganisations.ValNeveOffice, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, Status = status,
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"BecameDossier\" = @p1", requestId, expected) == 1,
            TimeSpan.FromSeconds(20)));
    }

    private Task AgeAsync(Guid requestId, int months) =>
        factory.ExecuteAsync($"UPDATE requests SET \"LastActivityAt\" = now() - interval '{months} months', \"ReceivedAt\" = now() - interval '{months} months' WHERE \"Id\" = '{requestId}'");

    [Fact]
    public async Task ARequestThatNeverBecameADossier_IsErasedAfter24Months_AndTheOtherServicesAreTold()
    {
        var (unconverted, dossier, recent, unknown) = (await WebRequestAsync("Jamais Dossier"), await WebRequestAsync("Devenu Dossier"),
            await WebRequestAsync("Trop Récent"), await WebRequestAsync("Inconnu De Dossier"));
        await DossierAsync(unconverted, "Request", expected: false);
        await DossierAsync(unconverted, "Archived", expected: false);
        await DossierAsync(dossier, "New", expected: true);
        await DossierAsync(dossier, "Request", expected: true);
        await DossierAsync(recent, "Request", expected: false);
        var staff = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/requests/{unconverted}/messages", new { body = "Une note.", @internal = true })).StatusCode);
        foreach (var id in new[] { unconverted, dossier, unknown })
        {
            await AgeAsync(id, 25);
        }

        await AgeAsync(recent, 23);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UnconvertedRequestsRetentionJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/requests/{unconverted}")).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM messages WHERE \"RequestId\" = @p0", unconverted));
        foreach (var kept in new[] { dossier, recent, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/requests/{kept}")).StatusCode);
        }

        var erasure = await factory.PublishedAsync<CustomerErasureRequested>(e => e.RequestIds.Contains(unconverted));
        Assert.True(erasure.CasesOnly);
        Assert.Equal("", erasure.CustomerEmail);
        Assert.Equal(DemoOrganisations.ValNeveOffice, erasure.OrganisationId);
        Assert.DoesNotContain(dossier, erasure.RequestIds);
        Assert.DoesNotContain(unknown, erasure.RequestIds);
    }
}
