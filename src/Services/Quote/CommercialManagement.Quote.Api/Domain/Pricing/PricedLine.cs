using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.Api.Domain.Pricing;

/// <summary>One part of a price, as the panel and the quote show it (« 3 nuits × 150,00 € (Vacances de février) »).</summary>
internal sealed record PriceComponent(string Label, long AmountCents);

/// <summary>
/// A product priced for dates and people: a unit price (one unit for accommodation, one person otherwise), the
/// quantity, how many places it holds on each date, and the tourist tax it brings.
/// </summary>
internal sealed record PricedLine(
    string Label,
    AgeBand? Band,
    int Quantity,
    long UnitPriceCents,
    IReadOnlyList<PriceComponent> Breakdown,
    int HeldPerDate,
    TouristTax? TouristTax)
{
    public long AmountCents => UnitPriceCents * Quantity;
}

/// <summary>Tourist tax: adults × nights × the accommodation's rate, outside VAT.</summary>
internal sealed record TouristTax(int Adults, int Nights, long CentsPerAdultNight)
{
    public long AmountCents => Adults * Nights * CentsPerAdultNight;
}

/// <summary>The result of pricing: the lines (a lift pass gives one per age band) or why it cannot be sold.</summary>
internal sealed record PriceResult(IReadOnlyList<PricedLine> Lines, IReadOnlyList<DateOnly> Dates, string? Refusal, string? RefusedField)
{
    public bool Refused => Refusal is not null;

    public long AmountCents => Lines.Sum(l => l.AmountCents);

    public long TouristTaxCents => Lines.Sum(l => l.TouristTax?.AmountCents ?? 0);

    public static PriceResult Refuse(string field, string reason) => new([], [], reason, field);
}

/// <summary>What to price: the product's dates (inside the stay), units (accommodation) and the people.</summary>
internal sealed record PriceRequest(DateOnly From, DateOnly To, int Quantity, Party Party, DateOnly Arrival, DateOnly Departure);
