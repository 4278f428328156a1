using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Dossier.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommercialManagement.Dossier.Api.Persistence;

/// <summary>
/// One change of a board column's count: +1 when a dossier enters the column, -1 when it leaves. Rows are only ever
/// added (no row is shared by two writers, so none is hot); a column's count is the sum of its rows, and
/// <see cref="BoardCountCompaction"/> folds them into one row per column now and then.
/// </summary>
internal sealed class BoardCountDelta : ITenantOwned
{
    public long Id { get; private set; }

    public Guid OrganisationId { get; init; }

    public DossierStatus Status { get; init; }

    public int Delta { get; init; }
}

/// <summary>The board's per-column counts, maintained in the transaction of every change of a dossier's column.</summary>
internal static class BoardCounts
{
    /// <summary>
    /// The deltas of the dossiers' column changes in this unit of work, added to it (so they commit or roll back with
    /// the dossiers). Run again before every save: deltas added by a save that failed are dropped and worked out anew.
    /// A request is not a column: entering or leaving it changes no count.
    /// </summary>
    public static void Record(ChangeTracker changes)
    {
        changes.DetectChanges();
        foreach (var unsaved in changes.Entries<BoardCountDelta>().Where(e => e.State == EntityState.Added).ToList())
        {
            unsaved.State = EntityState.Detached;
        }

        var deltas = new List<BoardCountDelta>();
        foreach (var entry in changes.Entries<Domain.Dossier>())
        {
            var status = entry.Property(d => d.Status);
            (DossierStatus? from, DossierStatus? to) = entry.State switch
            {
                EntityState.Added => (null, status.CurrentValue),
                EntityState.Deleted => (status.OriginalValue, null),
                EntityState.Modified => (status.OriginalValue, status.CurrentValue),
                _ => ((DossierStatus?)null, (DossierStatus?)null),
            };
            if (from == to)
            {
                continue;
            }

            if (from is { } left && left != DossierStatus.Request)
            {
                deltas.Add(new BoardCountDelta { OrganisationId = entry.Entity.OrganisationId, Status = left, Delta = -1 });
            }

            if (to is { } entered && entered != DossierStatus.Request)
            {
                deltas.Add(new BoardCountDelta { OrganisationId = entry.Entity.OrganisationId, Status = entered, Delta = 1 });
            }
        }

        changes.Context.AddRange(deltas);
    }

    /// <summary>The maintained counts of the organisation's columns (one column, or all): a sum over a few rows per column.</summary>
    public static Task<Dictionary<DossierStatus, int>> ReadAsync(DossierDbContext db, DossierStatus? column, CancellationToken cancellationToken)
    {
        var deltas = db.BoardCountDeltas.AsNoTracking();
        if (column is { } shown)
        {
            deltas = deltas.Where(d => d.Status == shown);
        }

        return deltas.GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Sum(d => d.Delta) })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
    }
}
