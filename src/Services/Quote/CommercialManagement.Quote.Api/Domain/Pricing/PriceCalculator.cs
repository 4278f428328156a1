using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.Api.Domain.Pricing;

/// <summary>
/// Prices a catalogue product for dates and a party, season by season, in integer cents TTC. Pure: no clock, no
/// database. Accommodation is per night per unit (departure night excluded); lessons per person per session (one a
/// day, both dates included); lift passes per person per day by age band; rental per person per day; an activity per
/// person on one date.
/// </summary>
internal static class PriceCalculator
{
    public static PriceResult Price(Product product, PriceRequest request)
    {
        if (ValidateDates(product.Type, request) is { } refusal)
        {
            return refusal;
        }

        if (request.Party.Size < 1)
        {
            return PriceResult.Refuse("participants", "Indiquez au moins un participant.");
        }

        var dates = Dates(product.Type, request.From, request.To);
        if (dates.FirstOrDefault(d => product.SeasonOf(d) is null) is var unpriced && unpriced != default)
        {
            return PriceResult.Refuse("from", $"Pas de tarif pour le {Money.Date(unpriced)} : « {product.Name} » n'est pas vendu à cette date.");
        }

        return product.Type switch
        {
            ProductType.Accommodation => Accommodation(product, request, dates),
            ProductType.LiftPass => LiftPass(product, request, dates),
            _ => PerPerson(product, request, dates),
        };
    }

    /// <summary>The dates a line uses (and holds): nights from arrival to the night before departure, or days both included.</summary>
    public static IReadOnlyList<DateOnly> Dates(ProductType type, DateOnly from, DateOnly to)
    {
        var last = ProductTypes.PricedPerNight(type) ? to.AddDays(-1) : to;
        return last < from ? [] : Enumerable.Range(0, last.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
    }

    private static PriceResult? ValidateDates(ProductType type, PriceRequest request)
    {
        if (request.From < request.Arrival || request.To > request.Departure)
        {
            return PriceResult.Refuse("from",
                $"Les dates ({Money.Date(request.From)} – {Money.Date(request.To)}) sortent du séjour ({Money.Date(request.Arrival)} – {Money.Date(request.Departure)}).");
        }

        if (ProductTypes.PricedPerNight(type) ? request.To <= request.From : request.To < request.From)
        {
            return PriceResult.Refuse("to", ProductTypes.PricedPerNight(type)
                ? "La date de départ doit être après la date d'arrivée (au moins une nuit)."
                : "La date de fin ne peut pas être avant la date de début.");
        }

        if (type == ProductType.Activity && request.To != request.From)
        {
            return PriceResult.Refuse("to", "Une activité a lieu à une seule date : indiquez la même date de début et de fin.");
        }

        return request.Quantity < 1 ? PriceResult.Refuse("quantity", "La quantité doit être d'au moins 1.") : null;
    }

    private static PriceResult Accommodation(Product product, PriceRequest request, IReadOnlyList<DateOnly> nights)
    {
        var perUnit = product.UnitCapacity ?? 1;
        if (request.Party.Size > perUnit * request.Quantity)
        {
            return PriceResult.Refuse("quantity",
                $"« {product.Name} » accueille {perUnit} personnes par logement : {Money.Plural(request.Quantity, "logement ne suffit", "logements ne suffisent")} pas pour {request.Party.Size} personnes.");
        }

        var breakdown = BySeason(product, nights, AgeBand.Adult, "nuit", "nuits");
        var label = $"{product.Name} — {Money.Plural(nights.Count, "nuit", "nuits")} du {Money.Date(request.From)} au {Money.Date(request.To)}";
        var tax = new TouristTax(request.Party.Adults, nights.Count, product.TouristTaxCentsPerAdultNight ?? 0);
        return new PriceResult(
            [new PricedLine(label, null, request.Quantity, breakdown.Sum(c => c.AmountCents), breakdown, request.Quantity, tax)], nights, null, null);
    }

    private static PriceResult LiftPass(Product product, PriceRequest request, IReadOnlyList<DateOnly> days)
    {
        var lines = request.Party.Bands().Select(band =>
        {
            var breakdown = BySeason(product, days, band.Band, "jour", "jours");
            var label = $"{product.Name} {ProductTypes.BandLabel(band.Band)} — {Span(days, request)}";
            return new PricedLine(label, band.Band, band.Count, breakdown.Sum(c => c.AmountCents), breakdown, 0, null);
        }).ToList();
        return new PriceResult(lines, days, null, null);
    }

    private static PriceResult PerPerson(Product product, PriceRequest request, IReadOnlyList<DateOnly> days)
    {
        var people = request.Party.Size;
        var (one, many) = product.Type == ProductType.SkiLesson ? ("séance", "séances") : product.Type == ProductType.Activity ? ("date", "dates") : ("jour", "jours");
        var breakdown = BySeason(product, days, AgeBand.Adult, one, many);
        var held = product.Type switch
        {
            ProductType.SkiLesson when product.LessonKind == LessonKind.Private => (people + (product.UnitCapacity ?? 1) - 1) / (product.UnitCapacity ?? 1),
            ProductType.SkiLesson or ProductType.Activity => people,
            _ => 0,
        };
        var kind = product.LessonKind switch { LessonKind.Private => " (cours particulier)", LessonKind.Group => " (cours collectif)", _ => "" };
        var label = $"{product.Name}{kind} — {Span(days, request)}";
        return new PriceResult([new PricedLine(label, null, people, breakdown.Sum(c => c.AmountCents), breakdown, held, null)], days, null, null);
    }

    private static string Span(IReadOnlyList<DateOnly> days, PriceRequest request) => days.Count == 1
        ? $"le {Money.Date(request.From)}"
        : $"{days.Count} jours du {Money.Date(request.From)} au {Money.Date(request.To)}";

    /// <summary>Consecutive dates of the same season and price grouped: « 4 nuits × 130,00 € (Janvier) ».</summary>
    private static List<PriceComponent> BySeason(Product product, IReadOnlyList<DateOnly> dates, AgeBand band, string one, string many)
    {
        var components = new List<PriceComponent>();
        foreach (var group in dates.Select(d => product.SeasonOf(d)!).ChunkBy())
        {
            var price = group.Season.PriceFor(band);
            components.Add(new PriceComponent($"{Money.Plural(group.Count, one, many)} × {Euros.Format(price)} ({group.Season.Name})", price * group.Count));
        }

        return components;
    }

    private static IEnumerable<(SeasonPrice Season, int Count)> ChunkBy(this IEnumerable<SeasonPrice> seasons)
    {
        SeasonPrice? current = null;
        var count = 0;
        foreach (var season in seasons)
        {
            if (current is not null && !ReferenceEquals(current, season))
            {
                yield return (current, count);
                count = 0;
            }

            current = season;
            count++;
        }

        if (current is not null)
        {
            yield return (current, count);
        }
    }
}
