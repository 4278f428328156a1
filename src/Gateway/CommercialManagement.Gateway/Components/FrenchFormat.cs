using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Gateway.Components;

/// <summary>How the back office writes dates and stays: French, in Europe/Paris time.</summary>
internal static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string DateTime(DateTimeOffset moment) =>
        ParisTime.Of(moment).ToString("dd/MM/yyyy HH:mm", French);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", French);

    /// <summary>
    /// The consent beside a request (issue 19): « « J'accepte… » donné le 03/12/2026 14:32 » from the form, or why there is none
    /// (requests by phone or email, which the customer started themselves).
    /// </summary>
    public static string Consent(string channel, bool consent, string? text, DateTimeOffset? at) => channel switch
    {
        "Phone" => "Demande reçue par téléphone : pas de consentement en ligne",
        "Email" => "Demande reçue par e-mail : pas de consentement en ligne",
        _ when text is not null && at is { } given => $"« {text} » donné le {DateTime(given)}",
        _ => consent ? "Donné (texte non conservé : demande antérieure)" : "Non donné",
    };

    /// <summary>French numbers (« 1 069 », « 46 % »), for what is not a date, an amount or a count here.</summary>
    public static CultureInfo Culture => French;

    /// <summary>A day written out: « 3 décembre 2026 ».</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", French);

    /// <summary>A count and its word, plural from two on as French says it: « 0 dossier », « 1 069 dossiers ».</summary>
    public static string Plural(int count, string word) => $"{Count(count)} {word}{(count > 1 ? "s" : "")}";

    /// <summary>A count with French grouping: « 1 069 ».</summary>
    public static string Count(int count) => count.ToString("#,##0", French);

    /// <summary>When something happened, as short as it can be said: « 14:32 » today, « 3 déc. » this year, « 03/12/2025 » before.</summary>
    public static string Recent(DateTimeOffset moment, DateTimeOffset now)
    {
        var local = ParisTime.Of(moment);
        var today = ParisTime.Of(now);
        return local.Date == today.Date ? local.ToString("HH:mm", French)
            : local.Year == today.Year ? local.ToString("d MMM", French)
            : local.ToString("dd/MM/yyyy", French);
    }

    /// <summary>A file's size as people read it: « 820 o », « 14 ko », « 2,4 Mo ».</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} o",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024.0).ToString("0", French)} ko",
        _ => $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", French)} Mo",
    };

    /// <summary>A VAT rate in basis points (1000 = 10 %), as French writes it: « 5,5 % ».</summary>
    public static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.##", French) + " %";

    /// <summary>The stay and party; « À préciser » when nothing is known yet (a request that came by email).</summary>
    public static string Stay(DateOnly? arrival, DateOnly? departure, int adults, int children)
    {
        if (adults + children == 0)
        {
            return arrival is { } start && departure is { } end ? $"{Date(start)} → {Date(end)}" : "À préciser";
        }

        var party = $"{adults} adulte{(adults > 1 ? "s" : "")}{(children > 0 ? $", {children} enfant{(children > 1 ? "s" : "")}" : "")}";
        return arrival is { } from && departure is { } to
            ? $"{Date(from)} → {Date(to)} · {party}"
            : party;
    }
}
