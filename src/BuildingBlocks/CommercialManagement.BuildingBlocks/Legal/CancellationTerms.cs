using System.Globalization;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.BuildingBlocks.Legal;

/// <summary>
/// An organisation's cancellation terms: which share of the accepted total a cancellation retains, by the number of days
/// left before the arrival (Europe/Paris). One definition for the admin page that edits them, the quote that prints them
/// and the ledger that applies them.
/// </summary>
public static class CancellationTerms
{
    /// <summary>More than 30 days before: the deposit; 8 to 30 days: 50 %; fewer than 8: 100 %.</summary>
    public static readonly IReadOnlyList<CancellationTier> Default =
    [
        new() { MinDaysBeforeArrival = 31, RetainedPercent = null },
        new() { MinDaysBeforeArrival = 8, RetainedPercent = 50 },
        new() { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
    ];

    /// <summary>The organisation's terms, or the defaults when it set none; most days first.</summary>
    public static IReadOnlyList<CancellationTier> Of(IReadOnlyList<CancellationTier>? terms) =>
        terms is { Count: > 0 } ? [.. terms.OrderByDescending(t => t.MinDaysBeforeArrival)] : Default;

    /// <summary>What is wrong with a table of terms, in French, one message per problem; none when it can be saved.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<CancellationTier> terms)
    {
        var problems = new List<string>();
        if (terms.Count == 0)
        {
            return problems;
        }

        if (terms.Count > 10)
        {
            problems.Add("Les conditions d'annulation comptent au plus 10 paliers.");
        }

        if (terms.Any(t => t.MinDaysBeforeArrival is < 0 or > 365))
        {
            problems.Add("Chaque palier commence entre 0 et 365 jours avant l'arrivée.");
        }

        if (terms.Any(t => t.RetainedPercent is < 0 or > 100))
        {
            problems.Add("La part retenue est un pourcentage entre 0 et 100.");
        }

        if (terms.Select(t => t.MinDaysBeforeArrival).Distinct().Count() != terms.Count)
        {
            problems.Add("Deux paliers commencent le même nombre de jours avant l'arrivée.");
        }

        if (terms.All(t => t.MinDaysBeforeArrival != 0))
        {
            problems.Add("Un palier doit commencer à 0 jour : il dit ce qui est retenu pour une annulation la veille ou le jour de l'arrivée.");
        }

        return problems;
    }

    /// <summary>The row that applies to a cancellation <paramref name="daysBeforeArrival"/> days before the arrival (0 on the day, negative after).</summary>
    public static CancellationTier TierFor(IReadOnlyList<CancellationTier>? terms, int daysBeforeArrival)
    {
        var ordered = Of(terms);
        return ordered.FirstOrDefault(t => daysBeforeArrival >= t.MinDaysBeforeArrival) ?? ordered[^1];
    }

    /// <summary>The terms as a customer reads them, one sentence a row, in French or English.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<CancellationTier>? terms, bool english = false)
    {
        var ordered = Of(terms);
        var lines = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var from = ordered[i].MinDaysBeforeArrival;
            int? upTo = i == 0 ? null : ordered[i - 1].MinDaysBeforeArrival - 1;
            var when = (english, upTo) switch
            {
                (false, null) => from == 0 ? "Quelle que soit la date d'annulation" : $"Annulation {Days(from, false)} ou plus avant l'arrivée",
                (false, { } to) when from == to => $"Annulation {Days(from, false)} avant l'arrivée",
                (false, { } to) => from == 0 ? $"Annulation moins de {Days(to + 1, false)} avant l'arrivée" : $"Annulation de {from} à {Days(to, false)} avant l'arrivée",
                (true, null) => from == 0 ? "Whenever the cancellation" : $"Cancellation {Days(from, true)} or more before arrival",
                (true, { } to) when from == to => $"Cancellation {Days(from, true)} before arrival",
                (true, { } to) => from == 0 ? $"Cancellation less than {Days(to + 1, true)} before arrival" : $"Cancellation {from} to {Days(to, true)} before arrival",
            };
            var retained = (english, ordered[i].RetainedPercent) switch
            {
                (false, null) => "l'acompte est retenu",
                (false, 0) => "rien n'est retenu",
                (false, { } p) => $"{p.ToString(CultureInfo.InvariantCulture)} % du montant total est retenu",
                (true, null) => "the deposit is retained",
                (true, 0) => "nothing is retained",
                (true, { } p) => $"{p.ToString(CultureInfo.InvariantCulture)}% of the total is retained",
            };
            lines.Add($"{when} : {retained}.".Replace(" : ", english ? ": " : " : ", StringComparison.Ordinal));
        }

        return lines;
    }

    private static string Days(int days, bool english) => english
        ? (days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days")
        : (days <= 1 ? $"{days.ToString(CultureInfo.InvariantCulture)} jour" : $"{days.ToString(CultureInfo.InvariantCulture)} jours");
}
