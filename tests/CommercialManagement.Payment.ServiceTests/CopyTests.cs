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
}
