using CommercialManagement.BuildingBlocks.Stays;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;

namespace CommercialManagement.Quote.Api.Features.Quotes;

/// <summary>Why a line cannot be added: a field to fix (400) or a fact of the catalogue (409: full).</summary>
internal sealed record LineRefusal(string Field, string Message, bool Conflict);

/// <summary>Prices a product for a case and takes its places, in the caller's transaction: the lines to add, or why not.</summary>
internal static class LinePricing
{
    /// <summary>
    /// The people a line is for: <paramref name="participants"/> of the case's party (all of it by default), the
    /// children among them by age (the case's children, unless given), the rest adults, <paramref name="seniors"/> of them seniors.
    /// </summary>
    public static (Party? Party, LineRefusal? Refusal) PartyFor(CaseCopy copy, int? participants, int? seniors, IReadOnlyList<int>? childrenAges)
    {
        var people = participants ?? copy.Adults + copy.ChildrenAges.Count;
        if (people < 1)
        {
            return (null, new LineRefusal("participants", "Le nombre de participants doit être d'au moins 1.", false));
        }

        if (childrenAges is not null && !StayRules.AreChildAges(childrenAges))
        {
            return (null, new LineRefusal("childrenAges", StayRules.ChildAge, false));
        }

        var children = (childrenAges ?? copy.ChildrenAges).Take(people).ToList();
        var adults = people - children.Count;
        if (seniors is < 0 || seniors > adults)
        {
            return (null, new LineRefusal("seniors", $"Le nombre de seniors va de 0 au nombre d'adultes participants ({adults}).", false));
        }

        return (new Party(adults, seniors ?? 0, children), null);
    }

    public static async Task<(IReadOnlyList<QuoteLine> Lines, LineRefusal? Refusal)> PriceAndHoldAsync(
        QuoteDbContext db, Product product, DateOnly from, DateOnly to, int quantity, Party party, CaseCopy copy, CancellationToken cancellationToken)
    {
        if (copy.Arrival is not { } arrival || copy.Departure is not { } departure)
        {
            return ([], new LineRefusal("from", "Le séjour de ce dossier n'a pas de dates : indiquez-les avant d'ajouter une prestation du catalogue.", true));
        }

        var priced = PriceCalculator.Price(product, new PriceRequest(from, to, quantity, party, arrival, departure));
        if (priced.Refused)
        {
            return ([], new LineRefusal(priced.RefusedField!, priced.Refusal!, false));
        }

        foreach (var line in priced.Lines)
        {
            if (await db.HoldAsync(product, priced.Dates, line.HeldPerDate, cancellationToken) is { } full)
            {
                return ([], new LineRefusal("quantity", full, true));
            }
        }

        return (priced.Lines.Select(l => QuoteLine.FromCatalogue(product, l, from, to, party)).ToList(), null);
    }

    /// <summary>Places a catalogue line holds per date for a quantity (units or people), from its product's rules.</summary>
    public static int HeldFor(Product product, int quantity) => product.Type switch
    {
        ProductType.Accommodation => quantity,
        ProductType.SkiLesson when product.LessonKind == LessonKind.Private => (quantity + (product.UnitCapacity ?? 1) - 1) / (product.UnitCapacity ?? 1),
        ProductType.SkiLesson or ProductType.Activity => quantity,
        _ => 0,
    };
}

/// <summary>The people of one lift pass band: so many of an age that falls in it (a band line re-priced or fixed).</summary>
internal static class LinePricingBands
{
    public static Party Of(AgeBand band, int count) => band switch
    {
        AgeBand.Child => new Party(0, 0, Enumerable.Repeat(AgeBands.ChildFrom, count).ToList()),
        AgeBand.Infant => new Party(0, 0, Enumerable.Repeat(0, count).ToList()),
        AgeBand.Senior => new Party(count, count, []),
        _ => new Party(count, 0, []),
    };
}
