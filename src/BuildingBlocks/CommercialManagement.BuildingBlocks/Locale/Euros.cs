using System.Globalization;

namespace CommercialManagement.BuildingBlocks.Locale;

/// <summary>
/// Euro cents as people read them: « 1 234,56 € » in French (digits grouped by fr-FR's narrow no-break space),
/// « €1,234.56 » in British English.
/// </summary>
public static class Euros
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>« 1 234,56 € » (« €1,234.56 » in English): pages, PDFs, messages of the API.</summary>
    public static string Format(long cents, bool english = false) =>
        english ? (cents / 100m).ToString("€#,##0.00", British) : (cents / 100m).ToString("#,##0.00", French) + " €";

    /// <summary>The same inside an email's running text, where « € » must never wrap away from its amount (no-break space).</summary>
    public static string InText(long cents, bool english = false) =>
        english ? Format(cents, english) : (cents / 100m).ToString("#,##0.00", French) + "\u00A0€";
}
