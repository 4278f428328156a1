using CommercialManagement.Contracts.Dossier;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>The copies the Quote service keeps from events: once each, the latest stay wins, an early change waits for its case.</summary>
public sealed class CopyTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task RequestReceived_DeliveredTwice_KeepsOneCaseWithTheCustomerAndStay()
    {
        var scenario = await Scenario.NewAsync(factory);
        var id = Guid.CreateVersion7();
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("quote-request-received");

        await scenario.PublishAsync(scenario.Request(id, adults: 3, children: [4]), messageId);
        await scenario.PublishAsync(scenario.Request(id, adults: 3, children: [4]), messageId);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(20)));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"CustomerName\" = 'Élodie Martin' AND \"Language\" = 'fr' AND \"Adults\" = 3 AND \"ChildrenAges\" = '{4}' AND \"Arrival\" = '2027-02-13'", id));
    }

    [Fact]
    public async Task StayChanged_BeforeItsCase_IsRetriedUntilTheCaseArrives()
    {
        var scenario = await Scenario.NewAsync(factory);
        var id = Guid.CreateVersion7();

        await scenario.PublishAsync(new StayChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), RequestId = id,
            Arrival = new(2027, 3, 1), Departure = new(2027, 3, 8), Adults = 4, ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
        });
        await Task.Delay(300);
        await scenario.PublishAsync(scenario.Request(id));

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"Arrival\" = '2027-03-01' AND \"Adults\" = 4", id) == 1,
            TimeSpan.FromSeconds(20)));
    }
}
