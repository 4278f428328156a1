using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Demo;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Payment's part of the demo story: once a demo case's quote is accepted, its payments as its column says.</summary>
public sealed class DemoStoryTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static QuoteAccepted Accepted(DemoCase demo, long total) => new()
    {
        OrganisationId = demo.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = demo.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00100",
        TotalCents = total, AcceptedBy = "Staff", Version = 1,
    };

    [Fact]
    public async Task DemoCases_DepositPaid_GetTheDepositByTransfer_PaidInFull_TheDepositThenTheBalanceOrTheWholeInChequesVacances()
    {
        var depositPaid = DemoCases.All.First(c => c.Stage == DemoStage.DepositPaid);
        var paidAtOnce = DemoCases.All.First(c => c.Id == PaymentDemoStory.PaysAtOnce);
        var paidInTwo = DemoCases.All.First(c => c.Stage == DemoStage.PaidInFull && c.Id != PaymentDemoStory.PaysAtOnce);

        await factory.Harness.Bus.Publish(Accepted(depositPaid, 200_000));
        await factory.Harness.Bus.Publish(Accepted(paidAtOnce, 90_000));
        await factory.Harness.Bus.Publish(Accepted(paidInTwo, 150_000));

        var deposit = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == depositPaid.Id);
        Assert.Equal(("Deposit", 60_000L, "BankTransfer"), (deposit.Kind, deposit.AmountCents, deposit.Method));
        var whole = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == paidAtOnce.Id);
        Assert.Equal(("Full", 90_000L, "HolidayVouchers"), (whole.Kind, whole.AmountCents, whole.Method));
        var first = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == paidInTwo.Id && e.Kind == "Deposit");
        var balance = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == paidInTwo.Id && e.Kind == "Balance");
        Assert.Equal((45_000L, 105_000L, 150_000L), (first.AmountCents, balance.AmountCents, balance.PaidCents));

        // Its part played, the story records nothing more.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(factory.Harness.Published.Select<PaymentReceived>(m => m.Context.Message.RequestId == depositPaid.Id));
        Assert.Equal(2, factory.Harness.Published.Select<PaymentReceived>(m => m.Context.Message.RequestId == paidInTwo.Id).Count());
    }
}
