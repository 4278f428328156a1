using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Gateway.Components.CustomerSpace;

/// <summary>How the customer space writes money, days and moments: in the customer's language (French or British English), Paris time.</summary>
internal static class CustomerFormat
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Day(DateOnly date, bool english) => date.ToString("d MMMM yyyy", english ? British : French);

    /// <summary>The day of a moment, as the resort sees it.</summary>
    public static string Day(DateTimeOffset moment, bool english) => Day(ParisTime.Day(moment), english);

    /// <summary>The day and the time: « 06/12/2026 10:05 », « 6 December 2026, 10:05 ».</summary>
    public static string Moment(DateTimeOffset moment, bool english) => english
        ? ParisTime.Of(moment).ToString("d MMMM yyyy, HH:mm", British)
        : FrenchFormat.DateTime(moment);
}
