using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Gateway.Features.Administration;

namespace CommercialManagement.Gateway.Components.Catalogue;

/// <summary>What the back office says about a product type: its French label, its price unit, its default VAT, what it needs.</summary>
internal static class CatalogueTypes
{
    public static readonly IReadOnlyList<(string Type, string Label)> All =
    [
        ("Accommodation", "Hébergement"),
        ("SkiLesson", "Cours de ski"),
        ("LiftPass", "Forfait remontées"),
        ("Rental", "Location de matériel"),
        ("Activity", "Activité"),
    ];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Label(string type) => All.FirstOrDefault(t => t.Type == type).Label ?? type;

    public static string Unit(string type) => type switch
    {
        "Accommodation" => "nuit",
        "SkiLesson" => "personne et séance",
        "LiftPass" or "Rental" => "personne et jour",
        _ => "personne",
    };

    public static int DefaultVat(string type) => type is "Accommodation" or "LiftPass" ? 1000 : 2000;

    public static bool HasCapacity(string type) => type is "Accommodation" or "SkiLesson" or "Activity";

    public static string CapacityLabel(string type) => type switch
    {
        "Accommodation" => "Logements disponibles par nuit",
        "SkiLesson" => "Places par séance",
        _ => "Places par date",
    };

    /// <summary>« de 120,00 € à 185,00 € / nuit », or one price when every season has the same.</summary>
    public static string PriceRange(CatalogueProduct product)
    {
        if (product.Seasons.Count == 0)
        {
            return "—";
        }

        var low = product.Seasons.Min(s => s.PriceCents);
        var high = product.Seasons.Max(s => s.PriceCents);
        var unit = Unit(product.Type);
        return low == high ? $"{Euros.Format(low)} / {unit}" : $"de {Euros.Format(low)} à {Euros.Format(high)} / {unit}";
    }

    /// <summary>Euros as staff type them, with a comma or a dot; null when it is not a number.</summary>
    public static long? Cents(string? euros)
    {
        if (string.IsNullOrWhiteSpace(euros))
        {
            return null;
        }

        var text = euros.Replace("€", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace(',', '.').Trim();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (long)Math.Round(value * 100, MidpointRounding.AwayFromZero)
            : null;
    }

    /// <summary>Cents written back for editing: « 120,5 » rather than « 120,50 € ».</summary>
    public static string EditableAmount(long? cents) => cents is { } c ? (c / 100m).ToString("0.##", French) : "";
}
