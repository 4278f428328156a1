using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Quote.Api.Domain.Pricing;

namespace CommercialManagement.Quote.Api.Domain.Quotes;

internal sealed record VatLine(int RateBasisPoints, long NetCents, long VatCents, long GrossCents);

/// <summary>
/// The totals of a quote's counted lines: each line's TTC split into HT and VAT once (rounded per line), summed per
/// rate; the tourist tax beside, outside VAT; the total to pay is the lines' TTC plus the tourist tax.
/// </summary>
internal sealed record QuoteTotals(long NetCents, long VatCents, long GrossCents, IReadOnlyList<VatLine> VatByRate, long TouristTaxCents, long TotalCents)
{
    public static QuoteTotals Of(IEnumerable<QuoteLine> lines)
    {
        var counted = lines.Where(l => l.Counted).ToList();
        var byRate = counted
            .Select(l => (l.VatRateBasisPoints, Gross: l.AmountCents, Split: Vat.Split(l.AmountCents, l.VatRateBasisPoints)))
            .GroupBy(l => l.VatRateBasisPoints)
            .OrderBy(g => g.Key)
            .Select(g => new VatLine(g.Key, g.Sum(l => l.Split.NetCents), g.Sum(l => l.Split.VatCents), g.Sum(l => l.Gross)))
            .ToList();
        var gross = byRate.Sum(r => r.GrossCents);
        var tax = counted.Sum(l => l.TouristTaxCents);
        return new QuoteTotals(byRate.Sum(r => r.NetCents), byRate.Sum(r => r.VatCents), gross, byRate, tax, gross + tax);
    }
}
