namespace CommercialManagement.Quote.Api.Domain.Catalogue;

/// <summary>What a catalogue product is, which says how it is priced and whether it has a stock.</summary>
internal enum ProductType
{
    /// <summary>Hébergement: per night per unit, a stock of units per night.</summary>
    Accommodation = 0,

    /// <summary>Cours de ski: per person per session (one session a day), group or private, a capacity per session.</summary>
    SkiLesson = 1,

    /// <summary>Forfait remontées: per person per day, by age band; unlimited.</summary>
    LiftPass = 2,

    /// <summary>Location de matériel: per person per day; unlimited.</summary>
    Rental = 3,

    /// <summary>Activités: per person, on one date, a capacity per date.</summary>
    Activity = 4,
}

internal enum LessonKind
{
    Group = 0,
    Private = 1,
}

/// <summary>The price a lift pass holder pays, from their age (children's ages are known) or the caller's word (seniors).</summary>
internal enum AgeBand
{
    Adult = 0,
    Child = 1,
    Senior = 2,
    Infant = 3,
}

internal static class ProductTypes
{
    public static string Label(ProductType type) => type switch
    {
        ProductType.Accommodation => "Hébergement",
        ProductType.SkiLesson => "Cours de ski",
        ProductType.LiftPass => "Forfait remontées",
        ProductType.Rental => "Location de matériel",
        ProductType.Activity => "Activité",
        _ => type.ToString(),
    };

    /// <summary>Products whose dates have a stock or a capacity: a line holds places on each of its dates.</summary>
    public static bool HasAvailability(ProductType type) =>
        type is ProductType.Accommodation or ProductType.SkiLesson or ProductType.Activity;

    /// <summary>Accommodation is priced per night (departure excluded); everything else per day (both dates included).</summary>
    public static bool PricedPerNight(ProductType type) => type == ProductType.Accommodation;

    public static string BandLabel(AgeBand band) => band switch
    {
        AgeBand.Adult => "adulte",
        AgeBand.Child => $"enfant ({AgeBands.ChildFrom} à {AgeBands.ChildTo} ans)",
        AgeBand.Senior => "senior",
        AgeBand.Infant => $"moins de {AgeBands.ChildFrom} ans (gratuit)",
        _ => band.ToString(),
    };
}

/// <summary>Lift pass age bands, as the resorts of the Alps commonly set them.</summary>
internal static class AgeBands
{
    public const int ChildFrom = 5;
    public const int ChildTo = 15;

    public static AgeBand OfChild(int age) => age < ChildFrom ? AgeBand.Infant : age <= ChildTo ? AgeBand.Child : AgeBand.Adult;
}
