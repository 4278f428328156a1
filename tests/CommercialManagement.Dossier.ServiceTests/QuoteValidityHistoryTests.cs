using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>What time did to the case's quote (issue 17) is told in the dossier's history: expiry, extension, follow-up, a draft's places given back.</summary>
public sealed class QuoteValidityHistoryTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private Task PublishAsync<T>(T message)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = Guid.NewGuid());

    [Fact]
    public async Task ExpiryExtensionFollowUpAndReleasedDraft_AreInTheHistory()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var id = Guid.CreateVersion7();
        var quote = Guid.NewGuid();
        await PublishAsync(RequestReceivedTests.Received(id, organisation));
        await PublishAsync(new QuoteFollowUpDue
        {
            OrganisationId = organisation, OccurredAt = T0, RequestId = id, QuoteId = quote, Number = "DEV-2026-00042", ValidUntil = new DateOnly(2026, 11, 30),
        });
        await PublishAsync(new QuoteExpired
        {
            OrganisationId = organisation, OccurredAt = T0.AddDays(3), RequestId = id, QuoteId = quote, Number = "DEV-2026-00042", ValidUntil = new DateOnly(2026, 11, 30),
            EmailCustomer = true,
        });
        await PublishAsync(new QuoteValidityExtended
        {
            OrganisationId = organisation, OccurredAt = T0.AddDays(4), RequestId = id, QuoteId = quote, Number = "DEV-2026-00042", ValidUntil = new DateOnly(2026, 12, 10),
            PreviousValidUntil = new DateOnly(2026, 11, 30), WasExpired = true, StaffName = "Camille Roche",
        });
        await PublishAsync(new QuoteDraftPlacesReleased
        {
            OrganisationId = organisation, OccurredAt = T0.AddDays(5), RequestId = id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00043", DraftHoldDays = 7,
        });

        List<string> history = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/dossiers/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
            history = [.. dossier.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!)];
            return history.Count >= 5;
        }, TimeSpan.FromSeconds(30)), $"History: {string.Join(" | ", history)}");

        Assert.Contains("Relance du devis DEV-2026-00042 envoyée au client (valable jusqu'au 30/11/2026, ni consulté ni accepté)", history);
        Assert.Contains("Devis expiré : le devis DEV-2026-00042 était valable jusqu'au 30/11/2026 ; ses places sont libérées et le client en est prévenu par e-mail", history);
        Assert.Contains(
            "Validité du devis DEV-2026-00042 prolongée jusqu'au 10/12/2026 : il était expiré, il est de nouveau acceptable et ses places sont de nouveau réservées", history);
        Assert.Contains(history, h => h.StartsWith("Brouillon du devis DEV-2026-00043 non envoyé depuis 7 jours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArchivingADossier_PublishesDossierArchived_ForTheQuoteToGiveItsPlacesBack()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var id = Guid.CreateVersion7();
        await PublishAsync(RequestReceivedTests.Received(id, organisation));
        await PublishAsync(new QuoteChanged { OrganisationId = organisation, OccurredAt = T0, RequestId = id, QuoteId = Guid.NewGuid(), LineCount = 1, TotalCents = 120_000 });
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/dossiers/{id}");
            return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "New";
        }, TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/dossiers/{id}/archive", null)).StatusCode);

        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DossierArchived' AND payload->>'requestId' = @p0", id.ToString()));
    }
}
