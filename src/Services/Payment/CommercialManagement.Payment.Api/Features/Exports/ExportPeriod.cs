using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>
/// The period of an export: <c>from</c> and <c>to</c>, Europe/Paris days, both included. Bound as text and read here so
/// that a missing, malformed, inverted or too long period is a 400 whose French detail says what to fix.
/// </summary>
internal readonly record struct ExportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A year and a day: a fiscal year (even a leap one) fits, a careless « everything » does not.</summary>
    public const int MaxDays = 366;

    /// <summary>The query parameters as the API page describes them.</summary>
    public const string FromHelp = "First day of the period, a Europe/Paris day, yyyy-MM-dd (e.g. 2027-01-01). Required.";

    public const string ToHelp = "Last day of the period, included, yyyy-MM-dd (e.g. 2027-01-31); 366 days at most from the first. Required.";

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>« du 01/01/2027 au 31/01/2027 ».</summary>
    public string Label => $"du {Show(From)} au {Show(To)}";

    /// <summary>« 2027-01-01_2027-01-31 »: the files' names.</summary>
    public string FileSuffix => $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static bool TryRead(string? fromText, string? toText, out ExportPeriod period, out ProblemHttpResult? problem)
    {
        period = default;
        problem = null;
        var from = Day(fromText);
        var to = Day(toText);
        if (from is null || to is null)
        {
            problem = Bad("Période manquante ou illisible.", "Indiquez le premier et le dernier jour de la période : « from » et « to », au format AAAA-MM-JJ (par exemple from=2027-01-01&to=2027-01-31).");
        }
        else if (from.Value.Year < 2000 || to.Value.Year > 2100)
        {
            problem = Bad("Période hors limites.", "Les exportations couvrent les années 2000 à 2100 : vérifiez l'année des deux dates.");
        }
        else if (to < from)
        {
            problem = Bad("Période inversée.", $"Le dernier jour ({Show(to.Value)}) précède le premier ({Show(from.Value)}) : échangez-les.");
        }
        else if (to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays)
        {
            problem = Bad("Période trop longue.", $"Une exportation couvre {MaxDays} jours au plus (un exercice) : découpez la période.");
        }
        else
        {
            period = new ExportPeriod(from.Value, to.Value);
        }

        return problem is null;
    }

    private static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static ProblemHttpResult Bad(string title, string detail) => TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
