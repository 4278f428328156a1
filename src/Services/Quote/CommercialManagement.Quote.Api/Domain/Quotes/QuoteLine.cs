using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;

namespace CommercialManagement.Quote.Api.Domain.Quotes;

internal enum LineKind
{
    Catalogue = 0,

    /// <summary>« Divers »: made to measure by staff.</summary>
    Custom = 1,
}

/// <summary>
/// A line of the accepted version, kept whole while an amendment of it is open (« Modifier la commande »): what
/// « Abandonner la modification » puts back, and the places the accepted order goes on holding until the customer
/// accepts the amendment.
/// </summary>
internal sealed record KeptLine(
    int Position, LineKind Kind, Guid? ProductId, ProductType? ProductType, AgeBand? AgeBand, string Label, string? Description,
    DateOnly? From, DateOnly? To, int Quantity, long UnitPriceCents, int VatRateBasisPoints, List<PriceComponent> Breakdown,
    int Participants, int Seniors, List<int> ChildrenAges, int HeldPerDate, int TouristTaxAdults, int TouristTaxNights,
    long TouristTaxCentsPerAdultNight, string? Problem);

/// <summary>
/// One service on a quote. A catalogue line keeps the price it was added at (label, breakdown, unit price, VAT) and
/// the places it holds on each of its dates; a flagged line (no longer available or priced after a change of stay)
/// holds nothing and is left out of the totals until fixed or removed.
/// </summary>
internal sealed class QuoteLine
{
    private QuoteLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid QuoteId { get; private set; }

    public int Position { get; private set; }

    public LineKind Kind { get; private set; }

    public Guid? ProductId { get; private set; }

    public ProductType? ProductType { get; private set; }

    public AgeBand? AgeBand { get; private set; }

    public string Label { get; private set; } = "";

    public string? Description { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>Units (accommodation), people (per-person products) or the custom line's quantity.</summary>
    public int Quantity { get; private set; }

    public long UnitPriceCents { get; private set; }

    public int VatRateBasisPoints { get; private set; }

    public List<PriceComponent> Breakdown { get; private set; } = [];

    /// <summary>The people the line is for (accommodation: who sleeps there), for capacity checks and re-pricing.</summary>
    public int Participants { get; private set; }

    public int Seniors { get; private set; }

    public List<int> ChildrenAges { get; private set; } = [];

    /// <summary>Places held on each of the line's dates (stock, session places, instructors); 0 for unlimited products.</summary>
    public int HeldPerDate { get; private set; }

    public int TouristTaxAdults { get; private set; }

    public int TouristTaxNights { get; private set; }

    public long TouristTaxCentsPerAdultNight { get; private set; }

    /// <summary>Why the line is left out of the totals (« plus disponible », « pas de tarif »), or none.</summary>
    public string? Problem { get; private set; }

    public long AmountCents => UnitPriceCents * Quantity;

    public long TouristTaxCents => TouristTaxAdults * TouristTaxNights * TouristTaxCentsPerAdultNight;

    public bool Counted => Problem is null;

    public static QuoteLine FromCatalogue(Product product, PricedLine priced, DateOnly from, DateOnly to, Party party) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = LineKind.Catalogue,
        ProductId = product.Id,
        ProductType = product.Type,
        AgeBand = priced.Band,
        Label = priced.Label,
        Description = product.Description,
        From = from,
        To = to,
        Quantity = priced.Quantity,
        UnitPriceCents = priced.UnitPriceCents,
        VatRateBasisPoints = product.VatRateBasisPoints,
        Breakdown = priced.Breakdown.ToList(),
        Participants = party.Size,
        Seniors = party.Seniors,
        ChildrenAges = party.ChildrenAges.ToList(),
        HeldPerDate = priced.HeldPerDate,
        TouristTaxAdults = priced.TouristTax?.Adults ?? 0,
        TouristTaxNights = priced.TouristTax?.Nights ?? 0,
        TouristTaxCentsPerAdultNight = priced.TouristTax?.CentsPerAdultNight ?? 0,
    };

    public static QuoteLine Custom(string label, string? description, int quantity, long unitPriceCents, int vatRateBasisPoints) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = LineKind.Custom,
        Label = label.Trim(),
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        Quantity = quantity,
        UnitPriceCents = unitPriceCents,
        VatRateBasisPoints = vatRateBasisPoints,
        Breakdown = [new PriceComponent($"{quantity} × {Euros.Format(unitPriceCents)}", unitPriceCents * quantity)],
    };

    /// <summary>The same line on a new quote: a custom line as it was; a catalogue line re-priced, or flagged with why not.</summary>
    public QuoteLine CopyForNewQuote(DateOnly? from = null, DateOnly? to = null) => new()
    {
        Id = Guid.CreateVersion7(), Kind = Kind, ProductId = ProductId, ProductType = ProductType, AgeBand = AgeBand, Label = Label,
        Description = Description, From = from ?? From, To = to ?? To, Quantity = Quantity, UnitPriceCents = UnitPriceCents,
        VatRateBasisPoints = VatRateBasisPoints, Breakdown = Breakdown.ToList(), Participants = Participants, Seniors = Seniors,
        ChildrenAges = ChildrenAges.ToList(), Problem = Problem,
    };

    /// <summary>The line as the accepted version has it, kept while an amendment is open.</summary>
    public KeptLine Keep() => new(
        Position, Kind, ProductId, ProductType, AgeBand, Label, Description, From, To, Quantity, UnitPriceCents, VatRateBasisPoints, Breakdown.ToList(),
        Participants, Seniors, ChildrenAges.ToList(), HeldPerDate, TouristTaxAdults, TouristTaxNights, TouristTaxCentsPerAdultNight, Problem);

    /// <summary>A kept line put back (a new row: the amendment's lines are gone), holding what it held.</summary>
    public static QuoteLine Restore(KeptLine kept) => new()
    {
        Id = Guid.CreateVersion7(), Position = kept.Position, Kind = kept.Kind, ProductId = kept.ProductId, ProductType = kept.ProductType,
        AgeBand = kept.AgeBand, Label = kept.Label, Description = kept.Description, From = kept.From, To = kept.To, Quantity = kept.Quantity,
        UnitPriceCents = kept.UnitPriceCents, VatRateBasisPoints = kept.VatRateBasisPoints, Breakdown = kept.Breakdown.ToList(),
        Participants = kept.Participants, Seniors = kept.Seniors, ChildrenAges = kept.ChildrenAges.ToList(), HeldPerDate = kept.HeldPerDate,
        TouristTaxAdults = kept.TouristTaxAdults, TouristTaxNights = kept.TouristTaxNights, TouristTaxCentsPerAdultNight = kept.TouristTaxCentsPerAdultNight,
        Problem = kept.Problem,
    };

    /// <summary>Left out of the totals with the reason, holding nothing.</summary>
    public void Flag(string problem)
    {
        Problem = problem;
        HeldPerDate = 0;
    }

    internal void PlaceAt(Guid quoteId, int position)
    {
        QuoteId = quoteId;
        Position = position;
    }

    internal void ChangeQuantity(int quantity, int heldPerDate, int participants)
    {
        Quantity = quantity;
        HeldPerDate = heldPerDate;
        Participants = participants;
        Breakdown = Kind == LineKind.Custom ? [new PriceComponent($"{quantity} × {Euros.Format(UnitPriceCents)}", UnitPriceCents * quantity)] : Breakdown;
    }

    /// <summary>A flagged line fixed by a new price for its dates: counted again, holding its places.</summary>
    internal void Reprice(PricedLine priced, DateOnly from, DateOnly to)
    {
        Label = priced.Label;
        From = from;
        To = to;
        Quantity = priced.Quantity;
        UnitPriceCents = priced.UnitPriceCents;
        Breakdown = priced.Breakdown.ToList();
        HeldPerDate = priced.HeldPerDate;
        TouristTaxAdults = priced.TouristTax?.Adults ?? 0;
        TouristTaxNights = priced.TouristTax?.Nights ?? 0;
        TouristTaxCentsPerAdultNight = priced.TouristTax?.CentsPerAdultNight ?? 0;
        Problem = null;
    }
}
