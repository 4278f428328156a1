using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
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
    public async Task OrganisationChanged_KeepsTheCancellationTerms_UntilAChangeWithoutThemBringsBackTheDefaults()
    {
        var terms = new CancellationTier[]
        {
            new() { MinDaysBeforeArrival = 15, RetainedPercent = 0 },
            new() { MinDaysBeforeArrival = 3, RetainedPercent = 50 },
            new() { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
        };
        var scenario = await Scenario.NewAsync(factory, kind: "SkiSchool", cancellationTerms: terms);
        const string kept =
            "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"CancellationTerms\" = '[{\"minDaysBeforeArrival\":15,\"retainedPercent\":0},{\"minDaysBeforeArrival\":3,\"retainedPercent\":50},{\"minDaysBeforeArrival\":0,\"retainedPercent\":100}]'::jsonb";
        Assert.Equal(1, await factory.CountAsync(kept, scenario.OrganisationId));

        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow.AddMinutes(1), Name = "ESF", Kind = "SkiSchool", Address = "Val Nevé",
            ContactEmail = "contact@example.fr", DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7, QuoteNumberPrefix = "RESET",
            TermsOfSale = "CGV", EmailSenderName = "ESF",
        });

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"QuoteNumberPrefix\" = 'RESET' AND \"CancellationTerms\" IS NULL", scenario.OrganisationId) == 1,
            TimeSpan.FromSeconds(20)));
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
