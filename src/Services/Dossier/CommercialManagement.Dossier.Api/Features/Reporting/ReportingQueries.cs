using System.Data.Common;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>
/// « Pilotage »'s figures, read from this service's own read model (dossiers with their steps, sale entries, invoices,
/// payments), never from another service at request time. Plain SQL: medians and sums by Paris month are what PostgreSQL
/// does best. The queries run outside EF's query filters, so each one names the organisation itself (<c>@org</c>).
/// </summary>
internal sealed partial class ReportingQueries(DossierDbContext db, Guid organisationId, Guid? assigneeId)
{
    /// <summary>The cases of the filter: every case of the organisation, or those the agent is assigned to.</summary>
    private const string OfAssignee = "(@assignee IS NULL OR d.\"AssigneeId\" = @assignee)";

    private const string ParisMonth = "to_char(({0}) AT TIME ZONE 'Europe/Paris', 'YYYY-MM')";

    public async Task<Funnel> FunnelAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT count(*)::int,
                   count(COALESCE(d."FirstAnsweredAt", d."FirstQuoteSentAt", d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."FirstQuoteSentAt", d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."FirstAcceptedAt", d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(COALESCE(d."DepositPaidAt", d."PaidInFullAt"))::int,
                   count(d."PaidInFullAt")::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstAnsweredAt" IS NOT NULL AND d."CreatedAt" IS NOT NULL THEN GREATEST(extract(epoch FROM d."FirstAnsweredAt" - d."CreatedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstQuoteSentAt" IS NOT NULL AND d."CreatedAt" IS NOT NULL THEN GREATEST(extract(epoch FROM d."FirstQuoteSentAt" - d."CreatedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."FirstAcceptedAt" IS NOT NULL AND d."FirstQuoteSentAt" IS NOT NULL THEN GREATEST(extract(epoch FROM d."FirstAcceptedAt" - d."FirstQuoteSentAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."DepositPaidAt" IS NOT NULL AND d."FirstAcceptedAt" IS NOT NULL THEN GREATEST(extract(epoch FROM d."DepositPaidAt" - d."FirstAcceptedAt"), 0) END),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d."PaidInFullAt" IS NOT NULL AND d."DepositPaidAt" IS NOT NULL THEN GREATEST(extract(epoch FROM d."PaidInFullAt" - d."DepositPaidAt"), 0) END)
            FROM dossiers d
            WHERE d."OrganisationId" = @org AND d."CreatedAt" >= @start AND d."CreatedAt" < @end AND {OfAssignee}
            """;
        Funnel? funnel = null;
        await ReadAsync(sql, period, reader => funnel = new Funnel(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
            Hours(reader, 6), Hours(reader, 7), Hours(reader, 8), Hours(reader, 9), Hours(reader, 10)), cancellationToken);
        return funnel!;
    }

    /// <summary>Accepted, invoiced, deposits invoiced and collected per key (a Paris month, or an assignee).</summary>
    public async Task<Dictionary<string, (Turnover Turnover, string? Name)>> TurnoverAsync(ReportingPeriod period, bool byAgent, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (Turnover Turnover, string? Name)>();
        var accepted = Key("e.\"At\"", byAgent);
        var invoiced = Key("i.\"IssuedAt\"", byAgent);
        var collected = Key("p.\"At\"", byAgent);
        var sql = $"""
            SELECT {accepted}, sum(e."AmountCents")::bigint, 0::bigint, 0::bigint, 0::bigint
            FROM sale_entries e JOIN dossiers d ON d."Id" = e."DossierId"
            WHERE e."OrganisationId" = @org AND e."At" >= @start AND e."At" < @end AND {OfAssignee}
            GROUP BY 1
            UNION ALL
            SELECT {invoiced}, 0::bigint,
                   sum(CASE WHEN i."Kind" = 'Deposit' THEN 0
                            WHEN i."Kind" = 'CreditNote' THEN CASE WHEN c."Kind" = 'Deposit' THEN 0 ELSE -i."AmountCents" END
                            ELSE i."AmountCents" END)::bigint,
                   sum(CASE WHEN i."Kind" = 'Deposit' THEN i."AmountCents"
                            WHEN i."Kind" = 'CreditNote' AND c."Kind" = 'Deposit' THEN -i."AmountCents"
                            ELSE 0 END)::bigint,
                   0::bigint
            FROM dossier_invoices i JOIN dossiers d ON d."Id" = i."DossierId"
                 LEFT JOIN dossier_invoices c ON c."DossierId" = i."DossierId" AND c."Number" = i."CorrectsNumber"
            WHERE i."OrganisationId" = @org AND i."IssuedAt" >= @start AND i."IssuedAt" < @end AND {OfAssignee}
            GROUP BY 1
            UNION ALL
            SELECT {collected}, 0::bigint, 0::bigint, 0::bigint, sum(p."AmountCents")::bigint
            FROM dossier_payments p JOIN dossiers d ON d."Id" = p."DossierId"
            WHERE p."OrganisationId" = @org AND p."At" >= @start AND p."At" < @end AND {OfAssignee}
            GROUP BY 1
            """;
        await ReadAsync(sql, period, reader =>
        {
            var key = reader.IsDBNull(0) ? "" : reader.GetString(0);
            var name = reader.IsDBNull(1) ? null : reader.GetString(1);
            var turnover = new Turnover(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            rows[key] = rows.TryGetValue(key, out var known) ? (known.Turnover.Plus(turnover), known.Name ?? name) : (turnover, name);
        }, cancellationToken);
        return rows;
    }

    /// <summary>Accepted turnover by product type, or by product (a product without an id: by its name).</summary>
    public async Task<Dictionary<string, (string Label, string? Type, long Cents)>> AcceptedByAsync(ReportingPeriod period, bool byProduct, CancellationToken cancellationToken)
    {
        var groups = byProduct
            ? "COALESCE(e.\"ProductId\"::text, 'name:' || e.\"ProductName\"), max(e.\"ProductName\"), max(e.\"ProductType\")"
            : "e.\"ProductType\", e.\"ProductType\", e.\"ProductType\"";
        var sql = $"""
            SELECT {groups}, sum(e."AmountCents")::bigint
            FROM sale_entries e JOIN dossiers d ON d."Id" = e."DossierId"
            WHERE e."OrganisationId" = @org AND e."At" >= @start AND e."At" < @end AND {OfAssignee}
            GROUP BY 1
            """;
        var rows = new Dictionary<string, (string Label, string? Type, long Cents)>();
        await ReadAsync(sql, period, reader => rows[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)), cancellationToken);
        return rows;
    }

    /// <summary>What accepted cases (not cancelled) owe today, overdue, overpaid; and the refunds of the period.</summary>
    public async Task<Balances> BalancesAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH owed AS (
                SELECT d."AcceptedTotalCents" - d."PaidCents" AS due, d."BalanceOverdueOn" IS NOT NULL AS overdue
                FROM dossiers d
                WHERE d."OrganisationId" = @org AND d."AcceptedTotalCents" IS NOT NULL AND d."Outcome" <> 'Cancelled' AND {OfAssignee})
            SELECT count(*) FILTER (WHERE due > 0)::int, COALESCE(sum(due) FILTER (WHERE due > 0), 0)::bigint,
                   count(*) FILTER (WHERE due > 0 AND overdue)::int, COALESCE(sum(due) FILTER (WHERE due > 0 AND overdue), 0)::bigint,
                   count(*) FILTER (WHERE due < 0)::int, COALESCE(-sum(due) FILTER (WHERE due < 0), 0)::bigint,
                   (SELECT count(*)::int FROM dossier_payments p JOIN dossiers d ON d."Id" = p."DossierId"
                    WHERE p."OrganisationId" = @org AND p."AmountCents" < 0 AND p."At" >= @start AND p."At" < @end AND {OfAssignee}),
                   (SELECT COALESCE(-sum(p."AmountCents"), 0)::bigint FROM dossier_payments p JOIN dossiers d ON d."Id" = p."DossierId"
                    WHERE p."OrganisationId" = @org AND p."AmountCents" < 0 AND p."At" >= @start AND p."At" < @end AND {OfAssignee})
            FROM owed
            """;
        Balances? balances = null;
        await ReadAsync(sql, period, reader => balances = new Balances(
            reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt64(5),
            reader.GetInt32(6), reader.GetInt64(7)), cancellationToken);
        return balances!;
    }

    /// <summary>
    /// Each accommodation of the catalogue with units per night (retired ones only if something was sold), week by week
    /// (Mondays) over the period: the nights its accepted stays occupy and the nights it offered, both within the period.
    /// </summary>
    public async Task<List<ProductOccupancy>> OccupancyAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var sql = $$"""
            WITH weeks AS (
                SELECT w::date AS monday FROM generate_series(date_trunc('week', @from::timestamp), @to::timestamp, interval '1 week') AS w),
            sold AS (
                SELECT e."ProductId" AS product, w.monday,
                       sum(e."Units" * GREATEST(0, LEAST(e."To", w.monday + 7, @to + 1) - GREATEST(e."From", w.monday, @from)))::int AS nights
                FROM sale_entries e JOIN dossiers d ON d."Id" = e."DossierId" JOIN weeks w ON e."From" < w.monday + 7 AND e."To" > w.monday
                WHERE e."OrganisationId" = @org AND e."ProductType" = 'Accommodation' AND e."ProductId" IS NOT NULL
                  AND e."From" <= @to AND e."To" > @from AND {{OfAssignee}}
                GROUP BY 1, 2)
            SELECT p."Id", p."Name", p."Capacity", w.monday, COALESCE(s.nights, 0),
                   p."Capacity" * (LEAST(w.monday + 7, @to + 1) - GREATEST(w.monday, @from))
            FROM catalogue_products p CROSS JOIN weeks w LEFT JOIN sold s ON s.product = p."Id" AND s.monday = w.monday
            WHERE p."OrganisationId" = @org AND p."Type" = 'Accommodation' AND p."Capacity" IS NOT NULL
              AND (NOT p."Retired" OR EXISTS (SELECT 1 FROM sold WHERE sold.product = p."Id"))
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

    private static string Key(string at, bool byAgent) =>
        byAgent ? "d.\"AssigneeId\"::text, max(d.\"AssigneeName\")" : string.Format(System.Globalization.CultureInfo.InvariantCulture, ParisMonth, at) + ", NULL::text";

    private static double? Hours(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal) / 3600, 1);

    private async Task ReadAsync(string sql, ReportingPeriod period, Action<DbDataReader> read, CancellationToken cancellationToken)
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
