using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Persistence;

/// <summary>
/// Folds the board's count deltas into one row per organisation and column (and « Pilotage »'s totals into one row per
/// day, assignee, measure and product), every minute by default
/// (<c>Dossier:BoardCounts:CompactEvery</c>), so the board sums a few rows per column however busy the day was. One
/// statement: readers see the rows before or after it, never half of it; rows added meanwhile are left for next time.
/// </summary>
internal sealed partial class BoardCountCompaction(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BoardCountCompaction> logger)
    : BackgroundService
{
    /// <summary>One compaction at a time over every instance of the service (concurrent ones could deadlock on the rows).</summary>
    private const long LockKey = 0x0B0A_4DC0_0417;

    public static async Task<int> CompactAsync(DossierDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return 0;
        }

        var folded = await db.Database.ExecuteSqlRawAsync("""
            WITH busy AS (
                SELECT "OrganisationId", "Status" FROM board_count_deltas GROUP BY "OrganisationId", "Status" HAVING count(*) > 1),
            gone AS (
                DELETE FROM board_count_deltas d USING busy b
                WHERE d."OrganisationId" = b."OrganisationId" AND d."Status" = b."Status"
                RETURNING d."OrganisationId", d."Status", d."Delta")
            INSERT INTO board_count_deltas ("OrganisationId", "Status", "Delta")
            SELECT "OrganisationId", "Status", sum("Delta")::integer FROM gone GROUP BY "OrganisationId", "Status" HAVING sum("Delta") <> 0
            """, cancellationToken);
        // « Pilotage »'s totals the same way: one row per day, assignee, measure and product.
        folded += await db.Database.ExecuteSqlRawAsync("""
            WITH busy AS (
                SELECT "OrganisationId", "Day", "AssigneeId", "Measure", "Key" FROM report_totals
                GROUP BY "OrganisationId", "Day", "AssigneeId", "Measure", "Key" HAVING count(*) > 1),
            gone AS (
                DELETE FROM report_totals t USING busy b
                WHERE t."OrganisationId" = b."OrganisationId" AND t."Day" = b."Day" AND t."AssigneeId" IS NOT DISTINCT FROM b."AssigneeId"
                  AND t."Measure" = b."Measure" AND t."Key" = b."Key"
                RETURNING t.*)
            INSERT INTO report_totals ("OrganisationId", "Day", "AssigneeId", "AssigneeName", "Measure", "Key", "ProductType", "Label", "Cents", "Count")
            SELECT "OrganisationId", "Day", "AssigneeId", max("AssigneeName"), "Measure", "Key", max("ProductType"), max("Label"), sum("Cents"), sum("Count")
            FROM gone GROUP BY "OrganisationId", "Day", "AssigneeId", "Measure", "Key" HAVING sum("Cents") <> 0 OR sum("Count") <> 0
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("Dossier:BoardCounts:CompactEvery", TimeSpan.FromMinutes(1));
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await CompactAsync(scope.ServiceProvider.GetRequiredService<DossierDbContext>(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The counts stay exact without it (the board sums more rows): try again at the next tick.
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the board's count deltas failed; retried at the next tick")]
    private partial void LogFailed(Exception exception);
}
