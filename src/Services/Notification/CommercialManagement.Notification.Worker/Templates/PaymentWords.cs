using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>How the payment emails say a payment's kind, its method and its times, in French or in English.</summary>
internal static class PaymentWords
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>« l'acompte », « le solde », « la totalité »; null for a kind this worker does not know.</summary>
    public static string? Kind(string kind, bool english) => (kind, english) switch
    {
        ("Deposit", false) => "l'acompte",
        ("Balance", false) => "le solde",
        ("Full", false) => "la totalité",
        ("Deposit", true) => "the deposit",
        ("Balance", true) => "the balance",
        ("Full", true) => "the full amount",
        _ => null,
    };

    /// <summary>The kind as a word of its own, for a subject or a receipt line: « acompte », « deposit ».</summary>
    public static string? KindNoun(string kind, bool english) => (kind, english) switch
    {
        ("Deposit", false) => "acompte",
        ("Balance", false) => "solde",
        ("Full", false) => "totalité",
        ("Deposit", true) => "deposit",
        ("Balance", true) => "balance",
        ("Full", true) => "full amount",
        _ => null,
    };

    /// <summary>The labels the ledger shows (« Virement », « Carte bancaire »…); null when not said or unknown.</summary>
    public static string? Method(string? method, bool english) => (method, english) switch
    {
        ("BankTransfer", false) => "Virement",
        ("Cheque", false) => "Chèque",
        ("HolidayVouchers", false) => "Chèques vacances",
        ("Card", false) => "Carte bancaire",
        ("Cash", false) => "Espèces",
        ("BankTransfer", true) => "Bank transfer",
        ("Cheque", true) => "Cheque",
        ("HolidayVouchers", true) => "Holiday vouchers (chèques vacances)",
        ("Card", true) => "Card",
        ("Cash", true) => "Cash",
        _ => null,
    };

    /// <summary>The day in Paris: « 29 novembre 2026 » (« 1er décembre 2026 »), « 29 November 2026 ».</summary>
    public static string Day(DateTimeOffset at, bool english) => Day(ParisTime.Day(at), english);

    /// <summary>A calendar day: « 1er décembre 2026 », « 6 décembre 2026 », « 6 December 2026 ».</summary>
    public static string Day(DateOnly day, bool english) =>
        english || day.Day != 1 ? day.ToString("d MMMM yyyy", english ? British : French) : day.ToString("d'er' MMMM yyyy", French);

    /// <summary>The day and time in Paris: « 6 décembre 2026 à 10:05 », « 6 December 2026 at 10:05 ».</summary>
    public static string DayAndTime(DateTimeOffset at, bool english) =>
        english
            ? $"{Day(at, english)} at {ParisTime.Of(at).ToString("HH:mm", British)}"
            : $"{Day(at, english)} à {ParisTime.Of(at).ToString("HH:mm", French)}";
}
