using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>
/// The days « Pilotage » reports on (Europe/Paris, both ends included) and the same days a year earlier, shown beside them
/// as « saison précédente ». Without dates: the season in progress (winter from 1 December to 30 April, summer from 1 May to
/// 30 November), the one a mountain destination's managers think in.
/// </summary>
internal sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Three years at most: beyond, the page would answer slowly for a view nobody reads.</summary>
    public const int MaxDays = 3 * 366;

    public DateTimeOffset Start => ParisTime.At(From, TimeOnly.MinValue);

    /// <summary>The first instant after the period (midnight, Paris time, the day after <see cref="To"/>).</summary>
    public DateTimeOffset End => ParisTime.At(To.AddDays(1), TimeOnly.MinValue);

    public ReportingPeriod Previous => new(From.AddYears(-1), To.AddYears(-1));

    public static ReportingPeriod SeasonOf(DateOnly day)
    {
        if (day.Month is >= 5 and <= 11)
        {
            return new(new DateOnly(day.Year, 5, 1), new DateOnly(day.Year, 11, 30));
        }

        var startYear = day.Month == 12 ? day.Year : day.Year - 1;
        return new(new DateOnly(startYear, 12, 1), new DateOnly(startYear + 1, 4, 30));
    }

    /// <summary>The period asked, or the reason in French why it cannot be reported on.</summary>
    public static (ReportingPeriod? Period, string? Problem) Parse(DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is null && to is null)
        {
            return (SeasonOf(today), null);
        }

        if (from is not { } start || to is not { } end)
        {
            return (null, "Indiquez les deux dates de la période (du … au …).");
        }

        if (end < start)
        {
            return (null, "La date de fin de la période est avant sa date de début.");
        }

        if (end.DayNumber - start.DayNumber >= MaxDays || start.Year < 2000 || end.Year > 2100)
        {
            return (null, "La période est trop longue : trois ans au plus.");
        }

        return (new ReportingPeriod(start, end), null);
    }
}
