using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>What a document posts apart from the customer: HT and VAT per rate, and the tourist tax.</summary>
internal sealed record PostedAmounts(IReadOnlyList<(int Rate, long Net, long Vat)> Rates, long TouristTaxCents)
{
    public static PostedAmounts Of(InvoiceContent content) =>
        new([.. content.VatByRate.Select(r => (r.RateBasisPoints, r.NetCents, r.VatCents))], content.TouristTaxCents);

    /// <summary>A deduction whose deposit invoice is not found (never in practice): taken off the first rate, so the entry still balances.</summary>
    public static PostedAmounts Unknown(long cents) => new([(0, cents, 0)], 0);

    /// <summary>
    /// What a final invoice deducts of a deposit invoice, <paramref name="leftCents"/> of it: what the deposit posted less
    /// what its credit notes posted, part by part, so that the three together post nothing on any VAT or sales account. The
    /// credit notes are taken in issue order, as many as make up what the final invoice says is left (one issued after the
    /// final invoice is not in it). Only when none of those sums is <paramref name="leftCents"/> is the amount shared across
    /// the deposit's rates and tourist tax as its credit notes were (<see cref="InvoiceDrafts.Share"/>): never with the
    /// ledger's own documents, only when a credit note is missing from the database or an amount was changed by hand.
    /// </summary>
    public static PostedAmounts Deducted(Invoice deposit, long leftCents, IEnumerable<Invoice> creditNotes)
    {
        var content = deposit.Content;
        var posted = Of(content);
        var left = content.TotalCents;
        if (left == leftCents)
        {
            return posted;
        }

        foreach (var note in creditNotes.OrderBy(n => n.IssuedAt).ThenBy(n => n.Number, StringComparer.Ordinal))
        {
            posted = posted.Minus(Of(note.Content));
            left -= note.Content.TotalCents;
            if (left == leftCents)
            {
                return posted;
            }
        }

        var shares = InvoiceDrafts.Share(leftCents, [.. content.VatByRate.Select(r => r.NetCents + r.VatCents), content.TouristTaxCents]);
        var rates = content.VatByRate.Select((r, i) => (r.RateBasisPoints, Vat.Split(shares[i], r.RateBasisPoints))).Select(x => (x.RateBasisPoints, x.Item2.NetCents, x.Item2.VatCents));
        return new([.. rates], shares[^1]);
    }

    public PostedAmounts Minus(PostedAmounts part) => new(
        [.. Rates.Select(r => part.Rates.Where(p => p.Rate == r.Rate).Aggregate(r, (left, p) => (left.Rate, left.Net - p.Net, left.Vat - p.Vat)))
            .Concat(part.Rates.Where(p => Rates.All(r => r.Rate != p.Rate)).Select(p => (p.Rate, -p.Net, -p.Vat)))],
        TouristTaxCents - part.TouristTaxCents);
}
