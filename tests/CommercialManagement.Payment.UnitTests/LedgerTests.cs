using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The deposit asked, the kind of each payment, and which acceptance the case keeps.</summary>
public sealed class LedgerTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData(100_000, 30, 30_000)]
    [InlineData(100_001, 30, 30_000)]
    [InlineData(100_005, 30, 30_002)] // 30 001,5 rounded away from zero
    [InlineData(99_999, 0, 0)]
    [InlineData(99_999, 100, 99_999)]
    public void DepositCents_ArrivalUnknown_IsThePercentage_RoundedToTheCent(long total, int percentage, long expected) =>
        Assert.Equal(expected, Ledger.DepositCents(total, percentage, null, Today, 30));

    [Fact]
    public void DepositCents_ArrivalInsideTheBalanceWindow_IsTheWholeAmount()
    {
        Assert.Equal(100_000, Ledger.DepositCents(100_000, 30, Today.AddDays(30), Today, 30));
        Assert.Equal(100_000, Ledger.DepositCents(100_000, 30, Today.AddDays(2), Today, 30));
    }

    [Fact]
    public void DepositCents_ArrivalBeyondTheBalanceWindow_IsThePercentage() =>
        Assert.Equal(30_000, Ledger.DepositCents(100_000, 30, Today.AddDays(31), Today, 30));

    [Theory]
    [InlineData(0, 0, 30_000, 100_000, "Deposit")]
    [InlineData(0, 0, 100_000, 100_000, "Full")]
    [InlineData(30_000, 1, 70_000, 100_000, "Balance")]
    [InlineData(30_000, 1, 20_000, 100_000, "Balance")]
    [InlineData(50_000, 2, 50_000, 100_000, "Balance")]
    public void KindOf_FollowsWhatWasPaidBefore(long paidBefore, int countBefore, long amount, long total, string expected) =>
        Assert.Equal(Enum.Parse<PaymentKind>(expected), Ledger.KindOf(paidBefore, countBefore, amount, total));

    [Fact]
    public void Accept_ALaterAcceptance_ReplacesTheQuote_AnOlderOneChangesNothing()
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        var first = Accepted(account, 100_000, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var second = Accepted(account, 120_000, first.OccurredAt.AddHours(1));

        Assert.True(account.Accept(first));
        Assert.True(account.Accept(second));
        Assert.False(account.Accept(first));
        Assert.False(account.Accept(second));

        Assert.Equal((second.QuoteId, 120_000L), (account.AcceptedQuoteId!.Value, account.AcceptedTotalCents));
    }

    [Fact]
    public void Void_TheAcceptedQuote_MakesItVoid_AnotherQuoteDoesNot()
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(Accepted(account, 100_000, DateTimeOffset.UtcNow));

        account.Void(Guid.NewGuid());
        Assert.False(account.AcceptedQuoteVoided);
        account.Void(account.AcceptedQuoteId!.Value);
        account.Void(account.AcceptedQuoteId!.Value);
        Assert.True(account.AcceptedQuoteVoided);
        Assert.Equal(2, account.VoidedQuoteIds.Count);
    }

    private static QuoteAccepted Accepted(PaymentCase account, long total, DateTimeOffset at) => new()
    {
        OrganisationId = account.OrganisationId, OccurredAt = at, RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00001",
        TotalCents = total, AcceptedBy = "Staff", Version = 1,
    };

    [Fact]
    public void Arrival_TheLatestStayWins_AnOlderOneArrivingLateChangesNothing()
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

        account.ChangeStay(Stay(account, new DateOnly(2027, 2, 6), at.AddHours(1)));
        account.ChangeStay(Stay(account, new DateOnly(2027, 3, 6), at));

        Assert.Equal(new DateOnly(2027, 2, 6), account.Arrival);
    }

    private static CommercialManagement.Contracts.Dossier.StayChanged Stay(PaymentCase account, DateOnly arrival, DateTimeOffset at) => new()
    {
        OrganisationId = account.OrganisationId, OccurredAt = at, RequestId = account.Id, Arrival = arrival, Departure = arrival.AddDays(7), Adults = 2,
        ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Agent",
    };
}
