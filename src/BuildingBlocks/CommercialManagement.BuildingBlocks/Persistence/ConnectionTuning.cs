using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// What PostgreSQL was spending its time on under load, from pg_stat_statements (docs/benchmarks.md, « What PostgreSQL
/// does per request »): about 87 statements per accepted request across the databases, a quarter of them bookkeeping
/// (DISCARD ALL on every return to the pool, a SAVEPOINT and its RELEASE around every SaveChanges inside a transaction),
/// and every statement parsed and planned again. Each service's connection string gets, unless it says otherwise:
/// <list type="bullet">
/// <item>No Reset On Close: no DISCARD ALL when a connection goes back to the pool. Nothing of ours leaves session state
/// (every advisory lock is a transaction lock, no SET, no temporary table, no LISTEN).</item>
/// <item>Max Auto Prepare: the statements a connection runs again and again are prepared once.</item>
/// </list>
/// </summary>
internal static class ConnectionTuning
{
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 64;
        }

        return tuned.ConnectionString;
    }
}

/// <summary>
/// No SAVEPOINT around a SaveChanges inside a transaction: every transaction of ours is all or nothing (a failed save rolls
/// the whole transaction back, the consumer's retry or the caller starts again), so the savepoint and its RELEASE were two
/// round trips per save for a partial rollback nothing uses.
/// </summary>
internal sealed class NoAutoSavepointsInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Disable(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Disable(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Disable(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            context.Database.AutoSavepointsEnabled = false;
        }
    }
}
