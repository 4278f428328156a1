using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Dossier.Api.Domain.Reporting;
using CommercialManagement.Dossier.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>
/// « Pilotage »: an Admin sees the organisation's figures (or one agent's), an agent only the cases assigned to them,
/// whatever they ask for.
/// </summary>
internal static class ReportingEndpoints
{
    private static readonly Dictionary<string, string> TypeLabels = new()
    {
        ["Accommodation"] = "Hébergement",
        ["SkiLesson"] = "Cours de ski",
        ["LiftPass"] = "Forfaits remontées",
        ["Rental"] = "Location de matériel",
        ["Activity"] = "Activités",
        [SaleEntry.OtherType] = "Autres prestations",
    };

    public static async Task<Results<Ok<Report>, ProblemHttpResult>> GetAsync(
        DateOnly? from, DateOnly? to, string? assignee, HttpContext http, DossierDbContext db, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(from, to, assignee, http, db, tenant, time, cancellationToken);
        return report is null ? problem! : TypedResults.Ok(report);
    }

    /// <summary>One table of the report as CSV for a French spreadsheet (funnel, months, product-types, products, agents).</summary>
    public static async Task<IResult> ExportAsync(
        string table, DateOnly? from, DateOnly? to, string? assignee, HttpContext http, DossierDbContext db, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ReportingCsv.Tables.Contains(table))
        {
            return TypedResults.Problem(
                $"Tableau inconnu « {table} » : {string.Join(", ", ReportingCsv.Tables)}.", statusCode: StatusCodes.Status404NotFound, title: "Tableau inconnu");
        }

        var (report, problem) = await BuildAsync(from, to, assignee, http, db, tenant, time, cancellationToken);
        return report is null ? problem! : ReportingCsv.File(table, report);
    }

    private static async Task<(Report? Report, ProblemHttpResult? Problem)> BuildAsync(
        DateOnly? from, DateOnly? to, string? assignee, HttpContext http, DossierDbContext db, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var (period, problem) = ReportingPeriod.Parse(from, to, ParisTime.Today(time));
        if (period is null)
        {
            return (null, TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Période invalide"));
        }

        Guid? agent;
        if (!http.User.HasClaim(StaffClaims.Role, StaffClaims.AdminRole))
        {
            agent = Guid.Parse(http.User.FindFirst(StaffClaims.UserId)!.Value);
        }
        else if (string.IsNullOrEmpty(assignee))
        {
            agent = null;
        }
        else if (Guid.TryParse(assignee, out var chosen))
        {
            agent = chosen;
        }
        else
        {
            return (null, TypedResults.Problem(
                "« assignee » doit être l'identifiant d'un membre de l'équipe, ou rester vide pour toute l'organisation.",
                statusCode: StatusCodes.Status400BadRequest, title: "Filtre invalide"));
        }

        // One snapshot for the whole page, so that its figures agree with each other while events keep arriving. The planner
        // is told that pages come from memory or SSD (PostgreSQL's default prices a random read as four sequential ones, for
        // spinning disks): a year of the funnel then reads its covering index instead of the whole table. And no parallel
        // workers: every statement here reads a few thousand index entries, and starting a worker cost 25-30 ms of the 30.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "SET TRANSACTION READ ONLY; SET LOCAL random_page_cost = 1.1; SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        var queries = new ReportingQueries(db, tenant.RequiredOrganisationId, agent);
        var previous = period.Previous;
        var funnel = await queries.FunnelAsync(period, cancellationToken);
        var previousFunnel = await queries.FunnelAsync(previous, cancellationToken);
        var (totals, previousTotals) = await queries.TotalsAsync(period, cancellationToken);
        var (months, previousMonths) = (totals.Months, previousTotals.Months);
        var (agents, previousAgents) = (totals.Agents, previousTotals.Agents);
        var balances = (await queries.BalancesAsync(period, totals, cancellationToken))
            .With(await queries.OpenPaymentRequestsAsync(period, time.GetUtcNow(), cancellationToken));
        var occupancy = await queries.OccupancyAsync(period, cancellationToken);

        var monthRows = MonthsOf(period)
            .Select(m => new MonthTurnover(
                m.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                months.GetValueOrDefault(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), Turnover.Zero),
                previousMonths.GetValueOrDefault(m.AddYears(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), Turnover.Zero)))
            .ToList();

        return (new Report(
            period.From, period.To, previous.From, previous.To, funnel, previousFunnel,
            Sum(months.Values), Sum(previousMonths.Values),
            monthRows,
            Groups(totals.Types, previousTotals.Types, (key, _) => TypeLabels.GetValueOrDefault(key, key), key => key),
            Groups(totals.Products, previousTotals.Products, (_, label) => label.Length == 0 ? "Sans produit du catalogue" : label, _ => null),
            [.. agents.Keys.Union(previousAgents.Keys)
                .Select(k => new AgentTurnover(
                    k.Length == 0 ? null : Guid.Parse(k),
                    (agents.TryGetValue(k, out var a) ? a.Name : null) ?? (previousAgents.TryGetValue(k, out var pa) ? pa.Name : null) ?? "Non attribué",
                    agents.TryGetValue(k, out var current) ? current.Turnover : Turnover.Zero,
                    previousAgents.TryGetValue(k, out var before) ? before.Turnover : Turnover.Zero))
                // A case given to someone else leaves nothing behind (its rows cancel out until they are folded).
                .Where(a => a.Current != Turnover.Zero || a.Previous != Turnover.Zero)
                .OrderByDescending(a => a.Current.AcceptedCents).ThenBy(a => a.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false))],
            balances, occupancy), null);
    }

    private static Turnover Sum(IEnumerable<Turnover> rows) => rows.Aggregate(Turnover.Zero, (total, row) => total.Plus(row));

    /// <summary>The first day of each month the period touches.</summary>
    private static IEnumerable<DateOnly> MonthsOf(ReportingPeriod period)
    {
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static List<GroupTurnover> Groups(
        Dictionary<string, (string Label, string? Type, long Cents)> current,
        Dictionary<string, (string Label, string? Type, long Cents)> previous,
        Func<string, string, string> label,
        Func<string, string?> typeOfKey) =>
        [.. current.Keys.Union(previous.Keys)
            .Select(k =>
            {
                var known = current.TryGetValue(k, out var c) ? c : previous[k];
                return new GroupTurnover(
                    k, label(k, known.Label), typeOfKey(k) ?? known.Type,
                    current.TryGetValue(k, out var now) ? now.Cents : 0, previous.TryGetValue(k, out var then) ? then.Cents : 0);
            })
            .Where(g => g.AcceptedCents != 0 || g.PreviousAcceptedCents != 0)
            .OrderByDescending(g => g.AcceptedCents).ThenByDescending(g => g.PreviousAcceptedCents)];
}
