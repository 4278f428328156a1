namespace CommercialManagement.BuildingBlocks.Stays;

/// <summary>
/// What a stay may be, wherever one is typed (the website's form, a phone request, a change of stay on the dossier):
/// both dates or neither, arrival not past, at most <see cref="MaxNights"/> nights, 1 to <see cref="MaxPeople"/>
/// people with at least one adult, children aged <see cref="MinChildAge"/> to <see cref="MaxChildAge"/>. Each
/// broken rule is reported once, on the field to correct, in French.
/// </summary>
public static class StayRules
{
    public const int MaxNights = 60;
    public const int MaxPeople = 30;
    public const int MinChildAge = 0;
    public const int MaxChildAge = 17;

    public const string BothDatesOrNeither = "Indiquez à la fois la date d'arrivée et la date de départ, ou aucune des deux.";
    public const string ArrivalPast = "La date d'arrivée ne peut pas être passée.";
    public const string DepartureNotAfterArrival = "La date de départ doit être après la date d'arrivée.";
    public static readonly string TooManyNights = $"Le séjour ne peut pas dépasser {MaxNights} nuits.";
    public const string NoAdult = "Il faut au moins un adulte.";
    public static readonly string TooManyPeople = $"Un séjour compte au plus {MaxPeople} personnes.";
    public static readonly string ChildAge = $"L'âge de chaque enfant est compris entre {MinChildAge} et {MaxChildAge} ans.";

    /// <summary>True when every age is a child's age.</summary>
    public static bool AreChildAges(IEnumerable<int> ages) => ages.All(age => age is >= MinChildAge and <= MaxChildAge);

    /// <summary>
    /// Checks a stay against <paramref name="today"/> (the resort's day); an absent adult count means one adult,
    /// absent ages no children. Calls <paramref name="add"/> with (field, message) for each broken rule.
    /// </summary>
    public static void Check(DateOnly? arrivalDate, DateOnly? departureDate, int? adultCount, IReadOnlyCollection<int>? childrenAges, DateOnly today, Action<string, string> add)
    {
        if (arrivalDate is { } past && past < today)
        {
            add("arrival", ArrivalPast);
        }

        if (arrivalDate is null != departureDate is null)
        {
            add(arrivalDate is null ? "arrival" : "departure", BothDatesOrNeither);
        }
        else if (arrivalDate is { } arrival && departureDate is { } departure)
        {
            if (departure <= arrival)
            {
                add("departure", DepartureNotAfterArrival);
            }
            else if (departure.DayNumber - arrival.DayNumber > MaxNights)
            {
                add("departure", TooManyNights);
            }
        }

        var adults = adultCount ?? 1;
        var children = childrenAges ?? [];
        if (adults < 1)
        {
            add("adults", NoAdult);
        }
        else if ((long)adults + children.Count > MaxPeople)
        {
            add("adults", TooManyPeople);
        }

        if (!AreChildAges(children))
        {
            add("childrenAges", ChildAge);
        }
    }

    /// <summary>The same check, gathered as ProblemDetails' errors (field → messages).</summary>
    public static Dictionary<string, string[]> Check(DateOnly? arrival, DateOnly? departure, int? adults, IReadOnlyCollection<int>? childrenAges, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Check(arrival, departure, adults, childrenAges, today, (field, message) => errors[field] = [message]);
        return errors;
    }
}
