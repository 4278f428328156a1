using CommercialManagement.Quote.Api.Domain.Quotes;

namespace CommercialManagement.Quote.UnitTests.Quotes;

public sealed class QuoteTotalsTests
{
    [Fact]
    public void Totals_RoundEachLineOnce_ThenSumPerRate()
    {
        // Two lines of 3 cents at 20 %: 2.5 → 3 net each (6 net, 0 VAT); rounding the sum instead would give 5 and 1.
        var totals = QuoteTotals.Of([QuoteLine.Custom("a", null, 1, 3, 2000), QuoteLine.Custom("b", null, 1, 3, 2000)]);

        Assert.Equal(new VatLine(2000, 6, 0, 6), Assert.Single(totals.VatByRate));
    }

    [Fact]
    public void Totals_ShowHtVatPerRateAndTtc()
    {
        var totals = QuoteTotals.Of(
        [
            QuoteLine.Custom("Chalet", null, 1, 110_000, 1000),
            QuoteLine.Custom("Cours", null, 2, 6_000, 2000),
            QuoteLine.Custom("Panier", null, 1, 2_110, 550),
        ]);

        Assert.Equal([new VatLine(550, 2_000, 110, 2_110), new VatLine(1000, 100_000, 10_000, 110_000), new VatLine(2000, 10_000, 2_000, 12_000)], totals.VatByRate);
        Assert.Equal((112_000L, 12_110L, 124_110L), (totals.NetCents, totals.VatCents, totals.GrossCents));
        Assert.Equal(124_110, totals.TotalCents);
    }

    [Fact]
    public void Totals_LeaveFlaggedLinesOut()
    {
        var flagged = QuoteLine.Custom("Chalet", null, 1, 110_000, 1000);
        flagged.Flag("Plus disponible");

        var totals = QuoteTotals.Of([flagged, QuoteLine.Custom("Panier", null, 1, 2_110, 550)]);

        Assert.Equal(2_110, totals.TotalCents);
    }
}
