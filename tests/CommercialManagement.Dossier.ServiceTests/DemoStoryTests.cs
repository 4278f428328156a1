using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>Dossier's part of the demo story, played once the other services' events brought the demo cases there.</summary>
public sealed class DemoStoryTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private async Task<JsonElement?> DossierAsync(DemoCase demo)
    {
        var response = await factory.CreateStaffClient(demo.OrganisationId).GetAsync($"/api/dossiers/{demo.Id}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    [Fact]
    public async Task DemoCases_PaidInFullIsTickedTraite_AndTheArchivedOneIsArchived_OnceTheEventsBroughtThemThere()
    {
        var processed = DemoCases.All.First(c => c.Stage == DemoStage.Processed);
        var archived = DemoCases.All.First(c => c.Stage == DemoStage.Archived);
        var paidOnly = DemoCases.All.First(c => c.Stage == DemoStage.PaidInFull);
        var at = DateTimeOffset.UtcNow;
        foreach (var demo in new[] { processed, archived, paidOnly })
        {
            var quote = Guid.NewGuid();
            await factory.Harness.Bus.Publish(RequestReceivedTests.Received(demo.Id, demo.OrganisationId));
            await factory.Harness.Bus.Publish(new QuoteChanged { OrganisationId = demo.OrganisationId, OccurredAt = at, RequestId = demo.Id, QuoteId = quote, LineCount = 2, TotalCents = 90_000 });
            if (demo != archived)
            {
                await factory.Harness.Bus.Publish(new QuoteAccepted { OrganisationId = demo.OrganisationId, OccurredAt = at.AddSeconds(1), RequestId = demo.Id, QuoteId = quote, Number = "DEV-2026-00001", TotalCents = 90_000, AcceptedBy = "Customer" });
                await factory.Harness.Bus.Publish(new PaymentReceived { OrganisationId = demo.OrganisationId, OccurredAt = at.AddSeconds(2), RequestId = demo.Id, QuoteId = quote, PaymentId = Guid.NewGuid(), AmountCents = 90_000, Kind = "Full" });
            }
        }

        Assert.True(await Eventually.TrueAsync(async () =>
            (await DossierAsync(processed))?.GetProperty("status").GetString() == "Processed"
            && (await DossierAsync(archived))?.GetProperty("status").GetString() == "Archived"
            // The third case's events are handled on their own: waited for too, not read while still on their way.
            && (await DossierAsync(paidOnly))?.GetProperty("status").GetString() is "PaidInFull" or "Processed", TimeSpan.FromSeconds(30)),
            "The demo story did not tick « Traité » and archive its cases.");
        var history = (await DossierAsync(processed))!.Value.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Données de démonstration", history.GetProperty("actor").GetString());
        Assert.Equal("PaidInFull", (await DossierAsync(paidOnly))!.Value.GetProperty("status").GetString());
    }
}
