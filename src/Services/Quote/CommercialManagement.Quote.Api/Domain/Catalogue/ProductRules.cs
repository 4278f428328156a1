using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Quote.Api.Domain.Pricing;

namespace CommercialManagement.Quote.Api.Domain.Catalogue;

/// <summary>The checks of a product as an Admin types it, with messages a person can act on.</summary>
internal static class ProductRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>The most a price can be (1,000,000.00 € a night, a day or a unit): beyond, no business means it.</summary>
    public const long MaxPriceCents = 100_000_000;

    /// <summary>The most a tourist tax can be per adult and night (100.00 €; the highest French rate is under 20 €).</summary>
    public const long MaxTouristTaxCents = 10_000;

    /// <summary>The most units, places or people a product counts.</summary>
    public const int MaxCapacity = 10_000;

    public const int MaxSeasons = 100;

    /// <summary>The longest season, in nights after the first day: a year and a day.</summary>
    public const int MaxSeasonDays = 366;

    public static readonly DateOnly EarliestSeasonDay = new(2000, 1, 1);
    public static readonly DateOnly LatestSeasonDay = new(2099, 12, 31);

    /// <summary>The VAT rate a new product gets when none is given (PRODUCT.md: 10 % accommodation and lift passes, 20 % the rest).</summary>
    public static int DefaultVatRate(ProductType type) =>
        type is ProductType.Accommodation or ProductType.LiftPass ? 1000 : 2000;

    public static Dictionary<string, string[]> Validate(ProductSpec spec)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            Add("name", "Donnez un nom au produit.");
        }
        else if (spec.Name.Trim().Length > MaxNameLength)
        {
            Add("name", $"Le nom compte au plus {MaxNameLength} caractères.");
        }

        if (spec.Description?.Length > MaxDescriptionLength)
        {
            Add("description", $"La description compte au plus {MaxDescriptionLength} caractères.");
        }

        if (!Vat.IsAllowed(spec.VatRateBasisPoints))
        {
            Add("vatRateBasisPoints", $"Taux de TVA inconnu ({spec.VatRateBasisPoints}) : choisissez {Vat.AllowedLabel}.");
        }

        ValidateSeasons(spec, Add);

        if (ProductTypes.HasAvailability(spec.Type) && spec.Capacity is not > 0)
        {
            Add("capacity", spec.Type switch
            {
                ProductType.Accommodation => "Indiquez le nombre de logements disponibles par nuit (au moins 1).",
                ProductType.SkiLesson => "Indiquez la capacité par séance (au moins 1).",
                _ => "Indiquez le nombre de places par date (au moins 1).",
            });
        }

        if ((spec.Type == ProductType.Accommodation || spec.LessonKind == LessonKind.Private) && spec.UnitCapacity is not > 0)
        {
            Add("unitCapacity", spec.Type == ProductType.Accommodation
                ? "Indiquez combien de personnes un logement accueille (au moins 1)."
                : "Indiquez combien d'élèves un cours particulier accepte (au moins 1).");
        }

        if (spec.TouristTaxCentsPerAdultNight < 0)
        {
            Add("touristTaxCentsPerAdultNight", "La taxe de séjour ne peut pas être négative.");
        }
        else if (spec.TouristTaxCentsPerAdultNight > MaxTouristTaxCents)
        {
            Add("touristTaxCentsPerAdultNight", "La taxe de séjour ne dépasse pas 100,00 € par adulte et par nuit.");
        }

        if (spec.Capacity > MaxCapacity)
        {
            Add("capacity", $"Au plus {MaxCapacity} par nuit ou par date.");
        }

        if (spec.UnitCapacity > MaxCapacity)
        {
            Add("unitCapacity", $"Au plus {MaxCapacity} personnes.");
        }

        if (spec.Type != ProductType.SkiLesson && spec.LessonKind is not null)
        {
            Add("lessonKind", "Seul un cours de ski est collectif ou particulier.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateSeasons(ProductSpec spec, Action<string, string> add)
    {
        if (spec.Seasons.Count == 0)
        {
            add("seasons", "Indiquez au moins une saison avec son prix.");
            return;
        }

        if (spec.Seasons.Count > MaxSeasons)
        {
            add("seasons", $"Au plus {MaxSeasons} saisons par prestation.");
            return;
        }

        foreach (var (season, index) in spec.Seasons.Select((s, i) => (s, i)))
        {
            var field = $"seasons[{index}]";
            if (season.From < EarliestSeasonDay || season.To > LatestSeasonDay)
            {
                // Availability is kept per night of a season: a season to the year 9999 is a typing slip, not a business.
                add(field, $"La saison « {season.Name} » doit tenir entre le {EarliestSeasonDay:dd/MM/yyyy} et le {LatestSeasonDay:dd/MM/yyyy}.");
            }
            else if (season.To.DayNumber - season.From.DayNumber > MaxSeasonDays)
            {
                add(field, $"La saison « {season.Name} » dure au plus {MaxSeasonDays + 1} jours : découpez-la.");
            }
            else if (season.To < season.From)
            {
                add(field, $"La saison « {season.Name} » finit avant de commencer.");
            }

            if (season.PriceCents < 0 || season.ChildPriceCents < 0 || season.SeniorPriceCents < 0)
            {
                add(field, $"Le prix de la saison « {season.Name} » ne peut pas être négatif.");
            }
            else if (season.PriceCents > MaxPriceCents || season.ChildPriceCents > MaxPriceCents || season.SeniorPriceCents > MaxPriceCents)
            {
                add(field, $"Le prix de la saison « {season.Name} » ne dépasse pas 1 000 000,00 €.");
            }

            if (string.IsNullOrWhiteSpace(season.Name))
            {
                add(field, "Donnez un nom à chaque saison (par exemple « Vacances de février »).");
            }

            if (spec.Type != ProductType.LiftPass && (season.ChildPriceCents is not null || season.SeniorPriceCents is not null))
            {
                add(field, "Seul un forfait a des prix enfant et senior.");
            }
        }

        var ordered = spec.Seasons.OrderBy(s => s.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].To)
            {
                add("seasons", $"Les saisons « {ordered[i - 1].Name} » et « {ordered[i].Name} » se chevauchent : une date n'a qu'un prix.");
            }
        }
    }
}
