using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Quote.Api.Domain.Pricing;

namespace CommercialManagement.Quote.UnitTests.Pricing;

public sealed class MoneyRulesTests
{
    [Theory]
    [InlineData(11_000, 1000, 10_000, 1_000)]
    [InlineData(100, 550, 95, 5)]
    [InlineData(3, 2000, 3, 0)]
    [InlineData(12_345, 0, 12_345, 0)]
    [InlineData(0, 2000, 0, 0)]
    [InlineData(999_999, 2000, 833_333, 166_666)]
    public void VatSplit_RoundsTheNetOnce_AndTheVatIsTheRest(long gross, int rate, long net, long vat) =>
        Assert.Equal((net, vat), Vat.Split(gross, rate));

    [Fact]
    public void VatSplit_AMidpoint_RoundsAwayFromZero() => Assert.Equal(3, Vat.Split(3, 2000).NetCents);

    [Fact]
    public void VatSplit_AnUnknownRate_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Vat.Split(100, 700));

    [Fact]
    public void Schedule_ArrivalBeyondTheBalanceWindow_AsksTheDepositThenTheBalance()
    {
        var today = new DateOnly(2026, 11, 29);

        var schedule = PaymentSchedule.Of(100_000, today.AddDays(60), today, 30, 30);

        Assert.Equal(new PaymentSchedule(30_000, 70_000, today.AddDays(30), false), schedule);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(10, true)]
    [InlineData(0, true)]
    [InlineData(31, false)]
    public void Schedule_ArrivalWithinTheBalanceWindow_AsksTheWholeAmount(int daysToArrival, bool whole)
    {
        var today = new DateOnly(2026, 11, 29);

        var schedule = PaymentSchedule.Of(50_000, today.AddDays(daysToArrival), today, 30, 30);

        Assert.Equal(whole, schedule.WholeAmountNow);
        Assert.Equal(whole ? 50_000 : 15_000, schedule.DepositCents);
        Assert.Equal(50_000, schedule.DepositCents + schedule.BalanceCents);
    }

    [Fact]
    public void Schedule_TheDeposit_IsRoundedToTheCentAwayFromZero() =>
        Assert.Equal(100, PaymentSchedule.Of(333, new DateOnly(2027, 6, 1), new DateOnly(2027, 1, 1), 30, 30).DepositCents);

    [Fact]
    public void ValidUntil_IsTodayPlusTheValidity_NeverAfterArrival()
    {
        var today = new DateOnly(2027, 1, 10);

        Assert.Equal(new DateOnly(2027, 1, 17), PaymentSchedule.ValidUntil(today, 7, new DateOnly(2027, 2, 1)));
        Assert.Equal(new DateOnly(2027, 1, 12), PaymentSchedule.ValidUntil(today, 7, new DateOnly(2027, 1, 12)));
        Assert.Equal(new DateOnly(2027, 1, 17), PaymentSchedule.ValidUntil(today, 7, null));
    }
}
