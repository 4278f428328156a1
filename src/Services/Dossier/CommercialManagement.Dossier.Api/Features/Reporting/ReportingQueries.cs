using System.Data.Common;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>
/// « Pilotage »'s figures, read from this service's own read model (dossiers with their steps, sale entries, invoices,
/// payments), never from another service at request time. Plain SQL: medians and sums by Paris month are what PostgreSQL
/// does best. The queries run outside EF's query filters, so each one names the organisation itself (<c>@org</c>). The money
/// comes from totals kept by day as the facts arrive (<see cref="Persistence.ReportTotals"/>), not from the facts themselves:
/// summing a season of sale entries, invoices and payments took seconds at 100,000 dossiers.
/// </summary>
internal sealed partial class ReportingQueries(DossierDbContext db, Guid organisationId, Guid? assigneeId)
{
    /// <summary>The cases of the filter: every case of the organisation, or those the agent is assigned to.</summary>
    private const string OfAssignee = "(@assignee IS NULL OR d.\"AssigneeId\" = @assignee)";

    public async Task<Funnel> FunnelAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT count(*)::int,
                   count(COALESCE(d."FirstAnsweredAt", d."FirstQuoteSentAt", d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."FirstQuoteSentAt", d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(d."PaidInFullAt")::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstAnsweredAt" IS NOT NULL AND d."CreatedAt" IS NOT NULL THEN GREATEST(date_part('epoch', d."FirstAnsweredAt" - d."CreatedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstQuoteSentAt" IS NOT NULL AND d."CreatedAt" IS NOT NULL THEN GREATEST(date_part('epoch', d."FirstQuoteSentAt" - d."CreatedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstAcceptedAt" IS NOT NULL AND d."FirstQuoteSentAt" IS NOT NULL THEN GREATEST(date_part('epoch', d."FirstAcceptedAt" - d."FirstQuoteSentAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."DepositPaidAt" IS NOT NULL AND d."FirstAcceptedAt" IS NOT NULL THEN GREATEST(date_part('epoch', d."DepositPaidAt" - d."FirstAcceptedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."PaidInFullAt" IS NOT NULL AND d."DepositPaidAt" IS NOT NULL THEN GREATEST(date_part('epoch', d."PaidInFullAt" - d."DepositPaidAt"), 0) END)
            FROM dossiers d
            WHERE d."OrganisationId" = @org AND d."CreatedAt" >= @start AND d."CreatedAt" < @end AND {OfAssignee}
            """;
        Funnel? funnel = null;
        await ReadAsync(sql, period, reader => funnel = new Funnel(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
            Hours(reader, 6), Hours(reader, 7), Hours(reader, 8), Hours(reader, 9), Hours(reader, 10)), cancellationToken);
        return funnel!;
    }

    /// <summary>
    /// The money of the period and of the one before it, from the maintained totals (<see cref="Persistence.ReportTotals"/>):
    /// one pass over a few rows per day, grouped by month, by agent, by product type and by product at once.
    /// </summary>
    public async Task<(PeriodTotals Current, PeriodTotals Previous)> TotalsAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        // By month first (one pass over the days' rows), then the four groupings over a few hundred rows.
        const string sql = """
            WITH months AS (
                SELECT p.n, t."Measure", date_trunc('month', t."Day") AS month, t."AssigneeId", t."Key", max(t."ProductType") AS type,
                       max(t."AssigneeName") AS name, max(t."Label") AS label, sum(t."Cents") AS cents, sum(t."Count") AS count
                FROM report_totals t
                     JOIN (VALUES (0, @from, @to), (1, @previousFrom, @previousTo)) AS p(n, first, last) ON t."Day" >= p.first AND t."Day" <= p.last
                WHERE t."OrganisationId" = @org AND t."Measure" <> 'Nights' AND (@assignee IS NULL OR t."AssigneeId" = @assignee)
                GROUP BY 1, 2, 3, 4, 5)
            SELECT n, "Measure", GROUPING(month, "AssigneeId", type, "Key")::int, to_char(month, 'YYYY-MM'), "AssigneeId"::text, max(name),
                   type, "Key", max(label), max(type), sum(cents)::bigint, sum(count)::int
            FROM months
            GROUP BY GROUPING SETS ((n, "Measure", month), (n, "Measure", "AssigneeId"), (n, "Measure", type), (n, "Measure", "Key"))
            """;
        var totals = (Current: new PeriodTotals(), Previous: new PeriodTotals());
        await ReadAsync(sql, period, reader =>
        {
            var into = reader.GetInt32(0) == 0 ? totals.Current : totals.Previous;
            var measure = reader.GetString(1);
            var cents = reader.GetInt64(10);
            switch (reader.GetInt32(2))
            {
                case 0b0111:
                    into.Add(measure, reader.GetString(3), cents, reader.GetInt32(11));
                    break;
                case 0b1011:
                    into.AddAgent(measure, reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), cents);
                    break;
                case 0b1101 when measure == Persistence.ReportTotals.Accepted:
                    var type = reader.GetString(6);
                    into.Types[type] = (type, type, cents);
                    break;
                case 0b1110 when measure == Persistence.ReportTotals.Accepted:
                    into.Products[reader.GetString(7)] = (reader.IsDBNull(8) ? "" : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), cents);
                    break;
            }
        }, cancellationToken);
        return totals;
    }

    /// <summary>
    /// What accepted cases (not cancelled) owe today, overdue, overpaid; the refunds of the period are
    /// <see cref="PeriodTotals.RefundCount"/>. Reads only the cases not settled (a partial index: most cases are).
    /// </summary>
    public async Task<Balances> BalancesAsync(ReportingPeriod period, PeriodTotals totals, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH owed AS (
                SELECT d."AcceptedTotalCents" - d."PaidCents" AS due, d."BalanceOverdueOn" IS NOT NULL AS overdue
                FROM dossiers d
                WHERE d."OrganisationId" = @org AND d."AcceptedTotalCents" IS NOT NULL AND d."AcceptedTotalCents" <> d."PaidCents"
                  AND d."Outcome" <> 'Cancelled' AND {OfAssignee})
            SELECT count(*) FILTER (WHERE due > 0)::int, COALESCE(sum(due) FILTER (WHERE due > 0), 0)::bigint,
                   count(*) FILTER (WHERE due > 0 AND overdue)::int, COALESCE(sum(due) FILTER (WHERE due > 0 AND overdue), 0)::bigint,
                   count(*) FILTER (WHERE due < 0)::int, COALESCE(-sum(due) FILTER (WHERE due < 0), 0)::bigint
            FROM owed
            """;
        Balances? balances = null;
        await ReadAsync(sql, period, reader => balances = new Balances(
            reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt64(5),
            totals.RefundCount, totals.RefundedCents), cancellationToken);
        return balances!;
    }

    /// <summary>
    /// Each accommodation of the catalogue with units per night (retired ones only if something was sold), week by week
    /// (Mondays) over the period: the nights its accepted stays occupy and the nights it offered, both within the period.
    /// </summary>
    public async Task<List<ProductOccupancy>> OccupancyAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH weeks AS (
                SELECT w::date AS monday FROM generate_series(date_trunc('week', @from::timestamp), @to::timestamp, interval '1 week') AS w),
            sold AS (
                -- The nights kept night by night as stays are accepted (ReportTotals.Nights): a few rows per night of the period.
                SELECT t."Key"::uuid AS product, date_trunc('week', t."Day")::date AS monday, sum(t."Count")::int AS nights
                FROM report_totals t
                WHERE t."OrganisationId" = @org AND t."Measure" = 'Nights' AND t."Day" >= @from AND t."Day" <= @to
                  AND (@assignee IS NULL OR t."AssigneeId" = @assignee)
                GROUP BY 1, 2)
            SELECT p."Id", p."Name", p."Capacity", w.monday, COALESCE(s.nights, 0),
                   p."Capacity" * (LEAST(w.monday + 7, @to + 1) - GREATEST(w.monday, @from))
            FROM catalogue_products p CROSS JOIN weeks w LEFT JOIN sold s ON s.product = p."Id" AND s.monday = w.monday
            WHERE p."OrganisationId" = @org AND p."Type" = 'Accommodation' AND p."Capacity" IS NOT NULL
              AND (NOT p."Retired" OR EXISTS (SELECT 1 FROM sold WHERE sold.product = p."Id" AND sold.nights <> 0))
            ORDER BY p."Name", p."Id", w.monday
            """;
        var products = new List<ProductOccupancy>();
        await ReadAsync(sql, period, reader =>
        {
            var id = reader.GetGuid(0);
            if (products.Count == 0 || products[^1].ProductId != id)
            {
                products.Add(new ProductOccupancy(id, reader.GetString(1), reader.GetInt32(2), new List<WeekOccupancy>()));
            }

            ((List<WeekOccupancy>)products[^1].Weeks).Add(new WeekOccupancy(reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4), reader.GetInt32(5)));
        }, cancellationToken);
        return products;
    }

    private static double? Hours(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal) / 3600, 1);

    /// <summary>Runs one query with the filter's parameters (and <c>@now</c> for a figure of the moment) and reads its rows.</summary>
    private async Task ReadAsync(string sql, ReportingPeriod period, Action<DbDataReader> read, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Uuid) { Value = organisationId });
            command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = period.Start.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = period.End.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("assignee", NpgsqlDbType.Uuid) { Value = assigneeId is { } a ? a : DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = period.From });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = period.To });
            command.Parameters.Add(new NpgsqlParameter("previousFrom", NpgsqlDbType.Date) { Value = period.Previous.From });
            command.Parameters.Add(new NpgsqlParameter("previousTo", NpgsqlDbType.Date) { Value = period.Previous.To });
            if (now is { } moment)
            {
                command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = moment.UtcDateTime });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}

/// <summary>One period's money, as <see cref="ReportingQueries.TotalsAsync"/> reads it: by Paris month, by agent, by product type and by product.</summary>
internal sealed class PeriodTotals
{
    public Dictionary<string, Turnover> Months { get; } = [];

    /// <summary>By assignee id ("" for nobody), with the assignee's name.</summary>
    public Dictionary<string, (Turnover Turnover, string? Name)> Agents { get; } = [];

    public Dictionary<string, (string Label, string? Type, long Cents)> Types { get; } = [];

    /// <summary>By product (its id, or « name: » and its name for a line without one).</summary>
    public Dictionary<string, (string Label, string? Type, long Cents)> Products { get; } = [];

    public int RefundCount { get; private set; }

    public long RefundedCents { get; private set; }

    public void Add(string measure, string month, long cents, int count)
    {
        if (measure == Persistence.ReportTotals.Refunded)
        {
            RefundCount += count;
            RefundedCents += cents;
            return;
        }

        Months[month] = Months.GetValueOrDefault(month, Turnover.Zero).Plus(Of(measure, cents));
    }

    public void AddAgent(string measure, string assignee, string? name, long cents)
    {
        if (measure == Persistence.ReportTotals.Refunded)
        {
            return;
        }

        var known = Agents.TryGetValue(assignee, out var row) ? row : (Turnover.Zero, null);
        Agents[assignee] = (known.Turnover.Plus(Of(measure, cents)), known.Name ?? name);
    }

    private static Turnover Of(string measure, long cents) => measure switch
    {
        Persistence.ReportTotals.Accepted => new Turnover(cents, 0, 0, 0),
        Persistence.ReportTotals.Invoiced => new Turnover(0, cents, 0, 0),
        Persistence.ReportTotals.Deposits => new Turnover(0, 0, cents, 0),
        Persistence.ReportTotals.Collected => new Turnover(0, 0, 0, cents),
        _ => Turnover.Zero,
    };
}
