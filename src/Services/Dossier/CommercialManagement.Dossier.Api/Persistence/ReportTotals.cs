using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Dossier.Api.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Dossier.Api.Persistence;

/// <summary>
/// One movement of « Pilotage »'s totals: what a Paris day added to a measure (accepted turnover per product, invoiced,
/// deposits invoiced, collected, refunded; and the nights each accommodation is occupied) for the cases of one assignee. Rows are only ever added, as the board's
/// count deltas; a total is the sum of its rows, and <see cref="BoardCountCompaction"/> folds them now and then into one
/// row per day, assignee, measure and product. The page sums a few thousand rows instead of every fact of the period.
/// </summary>
internal sealed class ReportTotal : ITenantOwned
{
    public long Id { get; private set; }

    public Guid OrganisationId { get; init; }

    /// <summary>The day in Paris the fact happened (accepted, issued, paid).</summary>
    public DateOnly Day { get; init; }

    /// <summary>The case's assignee today (null: nobody): a reassignment moves the case's rows to the new one.</summary>
    public Guid? AssigneeId { get; init; }

    public string? AssigneeName { get; init; }

    /// <summary>One of <see cref="ReportTotals"/>' measures.</summary>
    public string Measure { get; init; } = "";

    /// <summary>The product (its id, or « name: » and its name) for the accepted turnover; empty for the other measures.</summary>
    public string Key { get; init; } = "";

    public string? ProductType { get; init; }

    public string? Label { get; init; }

    public long Cents { get; init; }

    public int Count { get; init; }
}

/// <summary>
/// Keeps <see cref="ReportTotal"/> in step with the facts it sums, in the transaction that writes them: the sale entries,
/// invoices and payments a save adds, and the whole of a case whose assignee changes (taken from the old assignee before
/// the save, given to the new one after it). The same SQL fills the table from the facts in the migration that made it.
/// </summary>
internal static class ReportTotals
{
    public const string Accepted = "Accepted";
    public const string Invoiced = "Invoiced";
    public const string Deposits = "Deposits";
    public const string Collected = "Collected";
    public const string Refunded = "Refunded";

    /// <summary>
    /// The nights an accommodation is occupied: <see cref="ReportTotal.Day"/> is the night (not the day of the sale),
    /// <see cref="ReportTotal.Key"/> the product, <see cref="ReportTotal.Count"/> the units taken that night.
    /// </summary>
    public const string Nights = "Nights";

    /// <summary>
    /// The totals of the facts that <paramref name="sales"/>, <paramref name="invoices"/> and <paramref name="payments"/>
    /// (SQL conditions on <c>e</c>, <c>i</c> and <c>p</c>) select, with the assignee their case has as the statement runs,
    /// times <paramref name="sign"/> (1 to add, -1 to take away).
    /// </summary>
    public static string InsertSql(string sales, string invoices, string payments, int sign) => $"""
        INSERT INTO report_totals ("OrganisationId", "Day", "AssigneeId", "AssigneeName", "Measure", "Key", "ProductType", "Label", "Cents", "Count")
        SELECT e."OrganisationId", (e."At" AT TIME ZONE 'Europe/Paris')::date, d."AssigneeId", d."AssigneeName", '{Accepted}',
               COALESCE(e."ProductId"::text, 'name:' || e."ProductName"), e."ProductType", max(e."ProductName"), {sign} * sum(e."AmountCents"), {sign} * count(*)
        FROM sale_entries e JOIN dossiers d ON d."Id" = e."DossierId"
        WHERE {sales}
        GROUP BY 1, 2, 3, 4, 6, 7
        UNION ALL
        SELECT i."OrganisationId", (i."IssuedAt" AT TIME ZONE 'Europe/Paris')::date, d."AssigneeId", d."AssigneeName",
               CASE WHEN i."Kind" = '{DossierInvoice.Deposit}' OR (i."Kind" = '{DossierInvoice.CreditNote}' AND c."Kind" = '{DossierInvoice.Deposit}') THEN '{Deposits}' ELSE '{Invoiced}' END,
               '', NULL, NULL, {sign} * sum(CASE WHEN i."Kind" = '{DossierInvoice.CreditNote}' THEN -i."AmountCents" ELSE i."AmountCents" END), {sign} * count(*)
        FROM dossier_invoices i JOIN dossiers d ON d."Id" = i."DossierId"
             LEFT JOIN dossier_invoices c ON c."DossierId" = i."DossierId" AND c."Number" = i."CorrectsNumber"
        WHERE {invoices}
        GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT p."OrganisationId", (p."At" AT TIME ZONE 'Europe/Paris')::date, d."AssigneeId", d."AssigneeName", m.measure,
               '', NULL, NULL, {sign} * sum(CASE WHEN m.measure = '{Refunded}' THEN -p."AmountCents" ELSE p."AmountCents" END), {sign} * count(*)
        FROM dossier_payments p JOIN dossiers d ON d."Id" = p."DossierId"
             JOIN (VALUES ('{Collected}'), ('{Refunded}')) AS m(measure) ON m.measure = '{Collected}' OR p."AmountCents" < 0
        WHERE {payments}
        GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT e."OrganisationId", night::date, d."AssigneeId", d."AssigneeName", '{Nights}',
               e."ProductId"::text, e."ProductType", max(e."ProductName"), 0, {sign} * sum(e."Units")
        FROM sale_entries e JOIN dossiers d ON d."Id" = e."DossierId"
             CROSS JOIN LATERAL generate_series(e."From", e."To" - 1, interval '1 day') AS night
        WHERE ({sales}) AND e."ProductType" = 'Accommodation' AND e."ProductId" IS NOT NULL AND e."To" > e."From"
        GROUP BY 1, 2, 3, 4, 6, 7
        """;

    /// <summary>Every fact of the database: the migration's backfill, and the benchmark's bulk load.</summary>
    public static readonly string BackfillSql = InsertSql("true", "true", "true", 1);

    /// <summary>
    /// What a save changes in the totals: the facts it adds, and the cases it reassigns. Returns null when nothing; else
    /// what to run before the save (the reassigned cases taken from their old assignee, their rows locked meanwhile so that
    /// a fact added at the same time is counted once) and after it (the facts added, the reassigned cases given anew).
    /// </summary>
    public static Pending? Plan(ChangeTracker changes)
    {
        var sales = changes.Entries<SaleEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToArray();
        var invoices = changes.Entries<DossierInvoice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToArray();
        var payments = changes.Entries<Domain.DossierPayment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToArray();
        var moved = changes.Entries<Domain.Dossier>()
            .Where(e => e.State == EntityState.Modified && e.Property(d => d.AssigneeId).IsModified
                        && e.Property(d => d.AssigneeId).OriginalValue != e.Property(d => d.AssigneeId).CurrentValue)
            .Select(e => e.Entity.Id).ToArray();
        var touched = changes.Entries<SaleEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DossierId)
            .Concat(changes.Entries<DossierInvoice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DossierId))
            .Concat(changes.Entries<Domain.DossierPayment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DossierId))
            .Concat(moved).Distinct().Order().ToArray();
        return touched.Length == 0 ? null : new Pending(sales, invoices, payments, moved, touched);
    }

    /// <summary>The statements of one save (see <see cref="Plan"/>).</summary>
    internal sealed record Pending(Guid[] Sales, Guid[] Invoices, Guid[] Payments, Guid[] Moved, Guid[] Touched)
    {
        public async Task BeforeAsync(DbContext db, CancellationToken cancellationToken)
        {
            // The cases' rows stay locked until the commit: a reassignment and a fact of the same case wait for each other.
            var sql = """SELECT 1 FROM dossiers WHERE "Id" = ANY(@touched) ORDER BY "Id" FOR UPDATE;""";
            if (Moved.Length > 0)
            {
                const string moved = "\"DossierId\" = ANY(@moved)";
                sql += InsertSql("e." + moved, "i." + moved, "p." + moved, -1);
            }

            await ExecuteAsync(db, sql, cancellationToken);
        }

        public Task AfterAsync(DbContext db, CancellationToken cancellationToken) =>
            ExecuteAsync(db, InsertSql(
                """(e."Id" = ANY(@sales) OR e."DossierId" = ANY(@moved))""",
                """(i."Id" = ANY(@invoices) OR i."DossierId" = ANY(@moved))""",
                """(p."Id" = ANY(@payments) OR p."DossierId" = ANY(@moved))""", 1), cancellationToken);

        private async Task ExecuteAsync(DbContext db, string sql, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = new NpgsqlCommand(sql, connection)
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            command.Parameters.Add(Ids("touched", Touched));
            command.Parameters.Add(Ids("moved", Moved));
            command.Parameters.Add(Ids("sales", Sales));
            command.Parameters.Add(Ids("invoices", Invoices));
            command.Parameters.Add(Ids("payments", Payments));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static NpgsqlParameter Ids(string name, Guid[] ids) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids };
    }
}
