namespace CommercialManagement.Quote.Api.Domain.Catalogue;

/// <summary>
/// A product's price over a season, both dates included, TTC in cents: per night per unit, per person per session
/// or per day. Lift passes add a child's and a senior's price (the main price is the adult's).
/// </summary>
internal sealed record SeasonPrice(string Name, DateOnly From, DateOnly To, long PriceCents, long? ChildPriceCents = null, long? SeniorPriceCents = null)
{
    public bool Covers(DateOnly date) => From <= date && date <= To;

    public long PriceFor(AgeBand band) => band switch
    {
        AgeBand.Child => ChildPriceCents ?? PriceCents,
        AgeBand.Senior => SeniorPriceCents ?? PriceCents,
        AgeBand.Infant => 0,
        _ => PriceCents,
    };
}
