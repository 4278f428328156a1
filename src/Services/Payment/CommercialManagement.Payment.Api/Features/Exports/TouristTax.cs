using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>One stay's line of the tourist-tax statement: its nights inside the period and what they owe.</summary>
internal sealed record TouristTaxStay(
    string QuoteNumber, string CustomerName, DateOnly Arrival, DateOnly Departure, int Nights, int Persons, int Liable, int Exempt, long CentsPerAdultNight)
{
    /// <summary>The taxed nights (« nuitées »): liable persons × nights.</summary>
    public int TaxedNights => Liable * Nights;

    public long AmountCents => TaxedNights * CentsPerAdultNight;
}

/// <summary>
/// The statement's totals: nights, liable persons, taxed nights and amount summed over its rows; stays, persons and exempt
/// counted once per case (a party whose stay has two taxed lines, two flats say, is still one party).
/// </summary>
internal sealed record TouristTaxTotals(int Stays, int Nights, int Persons, int Liable, int Exempt, int TaxedNights, long AmountCents)
{
    public static TouristTaxTotals Of(IReadOnlyList<TouristTaxStay> stays)
    {
        var parties = stays.DistinctBy(s => s.QuoteNumber).ToList();
        return new TouristTaxTotals(
            parties.Count, stays.Sum(s => s.Nights), parties.Sum(s => s.Persons), stays.Sum(s => s.Liable), parties.Sum(s => s.Exempt),
            stays.Sum(s => s.TaxedNights), stays.Sum(s => s.AmountCents));
    }
}

/// <summary>
/// The tourist-tax statement of a period (ADR 0026): every stay of an accepted quote, not cancelled nor voided, whose
/// nights fall in the period, counted for those nights only (a stay across two months is declared half in each). One row
/// per accommodation line that carries the tax: liable persons are the adults the line taxes, exempt the children under
/// 18; the rate is the line's. A cancelled case kept no tax (its credit note gives the tax back whole), so it is left out.
/// </summary>
internal static class TouristTax
{
    public static async Task<IReadOnlyList<TouristTaxStay>> StaysAsync(PaymentDbContext db, ExportPeriod period, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.AcceptedContent != null && c.CancelledAt == null && (c.Arrival == null || c.Arrival <= period.To))
            .ToListAsync(cancellationToken);
        return [.. cases
            .Where(c => !c.AcceptedQuoteVoided)
            .SelectMany(c => c.AcceptedContent!.Lines.Where(l => l.TouristTaxCents > 0).Select(l => Stay(c.QuoteNumber ?? "", c.AcceptedContent!, l, period)))
            .Where(s => s is { Nights: > 0 })
            .Select(s => s!)
            .OrderBy(s => s.Arrival).ThenBy(s => s.QuoteNumber, StringComparer.Ordinal)];
    }

    private static TouristTaxStay? Stay(string quoteNumber, AcceptedQuoteContent content, AcceptedQuoteLine line, ExportPeriod period)
    {
        var arrival = line.From ?? content.Arrival;
        var departure = line.To ?? content.Departure;
        var stayNights = departure.DayNumber - arrival.DayNumber;

        // The night of day d is in the period when d is: from the later of arrival and the period's first day, to the
        // earlier of the last night and the period's last day.
        var first = Math.Max(arrival.DayNumber, period.From.DayNumber);
        var last = Math.Min(departure.DayNumber - 1, period.To.DayNumber);
        var nights = Math.Max(last - first + 1, 0);

        // An acceptance published before the counts existed: the whole party's adults, the rate from the line's amount.
        var liable = line.TouristTaxAdults ?? content.Adults;
        var rate = line.TouristTaxCentsPerAdultNight
            ?? (liable > 0 && stayNights > 0 ? line.TouristTaxCents / ((long)liable * (line.TouristTaxNights ?? stayNights)) : 0);
        var exempt = content.ChildrenAges.Count(age => age < 18);
        return nights == 0 ? null : new TouristTaxStay(
            quoteNumber, content.CustomerName, arrival, departure, nights, content.Adults + content.ChildrenAges.Count, liable, exempt, rate);
    }
}
