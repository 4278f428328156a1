using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The accepted quote kept from QuoteAccepted: a repeated one is a no-op, a later one replaces, an older one arriving late changes nothing.</summary>
public sealed class CopyTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task QuoteAccepted_DeliveredTwice_KeepsOneCase()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        var accepted = scenario.Accepted(caseId, 80_000);
        var messageId = Guid.NewGuid();

        await scenario.PublishAsync(accepted, messageId);
        await scenario.PublishAsync(accepted, messageId);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE consumer LIKE '%quote-accepted%'") >= 2, TimeSpan.FromSeconds(20)));

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", caseId));
        Assert.Equal(80_000, (await scenario.LedgerAsync(caseId)).GetProperty("acceptedTotalCents").GetInt64());
        // The open pages are told once, after the commit: the same acceptance again changes nothing to tell.
        await factory.PublishedAsync<PaymentAccountChanged>(e => e.RequestId == caseId);
        await Task.Delay(500);
        Assert.Single(factory.Harness.Published.Select<PaymentAccountChanged>(m => m.Context.Message.RequestId == caseId));
    }

    [Fact]
    public async Task QuoteAccepted_OutOfOrder_TheLatestAcceptanceWins()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var older = scenario.Accepted(caseId, 80_000, at.AddMinutes(-10), number: "DEV-2026-00007");
        var newer = scenario.Accepted(caseId, 95_000, at, number: "DEV-2026-00008");

        await scenario.PublishAsync(newer);
        await scenario.WaitForQuoteAsync(caseId, newer.QuoteId);
        await scenario.PublishAsync(older);
        Assert.True(await Eventually.TrueAsync(
            async () => factory.Harness.Consumed.Select<CommercialManagement.Contracts.Quote.QuoteAccepted>(m => m.Context.Message.QuoteId == older.QuoteId).Any(),
            TimeSpan.FromSeconds(20)));
        await Task.Delay(500);

        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal((newer.QuoteId, "DEV-2026-00008", 95_000L), (ledger.GetProperty("acceptedQuoteId").GetGuid(), ledger.GetProperty("quoteNumber").GetString(),
            ledger.GetProperty("acceptedTotalCents").GetInt64()));

        var latest = scenario.Accepted(caseId, 120_000, at.AddMinutes(5), number: "DEV-2026-00009");
        await scenario.PublishAsync(latest);
        await scenario.WaitForQuoteAsync(caseId, latest.QuoteId);
        Assert.Equal(120_000, (await scenario.LedgerAsync(caseId)).GetProperty("remainingCents").GetInt64());
    }

    [Fact]
    public async Task Deposit_IsThePercentage_OrTheWholeOnceTheStayMovesInsideTheBalanceWindow_AnOlderChangeChangesNothing()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 25);
        var caseId = Guid.CreateVersion7();
        var received = scenario.Request(caseId, arrivalInDays: 60, at: DateTimeOffset.UtcNow.AddHours(-2));
        await scenario.PublishAsync(received);
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", caseId) == 1, TimeSpan.FromSeconds(20)));

        // Known from the request but nothing accepted: no ledger, and no payment.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await scenario.Agent.GetAsync($"/api/payments/by-request/{caseId}")).StatusCode);
        var refused = await scenario.PayAsync(caseId, 1_000);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Ce dossier n'a pas de devis accepté : aucun paiement ne peut être enregistré.", (await Scenario.JsonAsync(refused)).GetProperty("title").GetString());

        var accepted = scenario.Accepted(caseId, 200_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        Assert.Equal(50_000, (await scenario.LedgerAsync(caseId)).GetProperty("depositCents").GetInt64());

        var closer = received.Arrival!.Value.AddDays(-45);
        await scenario.PublishAsync(Changed(scenario, caseId, closer, DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.True(await Eventually.TrueAsync(async () => (await scenario.LedgerAsync(caseId)).GetProperty("depositCents").GetInt64() == 200_000, TimeSpan.FromSeconds(20)));

        await scenario.PublishAsync(Changed(scenario, caseId, received.Arrival!.Value, DateTimeOffset.UtcNow.AddMinutes(-90)));
        await scenario.PublishAsync(received);
        Assert.True(await Eventually.TrueAsync(
            async () => factory.Harness.Consumed.Select<StayChanged>(m => m.Context.Message.RequestId == caseId).Count() == 2, TimeSpan.FromSeconds(20)));
        await Task.Delay(500);
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal((closer.ToString("yyyy-MM-dd"), 200_000L), (ledger.GetProperty("arrival").GetString(), ledger.GetProperty("depositCents").GetInt64()));
    }

    private static StayChanged Changed(Scenario scenario, Guid caseId, DateOnly arrival, DateTimeOffset at) => new()
    {
        OrganisationId = scenario.OrganisationId, OccurredAt = at, RequestId = caseId, Arrival = arrival, Departure = arrival.AddDays(7), Adults = 2,
        ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Agent de test",
    };
}
