using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommercialManagement.Dossier.Api.Persistence;

/// <summary>
/// Every dossier a save adds or changes is announced after the commit with <see cref="DossierChanged"/> (in the
/// outbox, in the same transaction), so that the open pages showing it reload: one event per dossier per save.
/// </summary>
internal static class DossierChanges
{
    private static readonly string EventType = typeof(DossierChanged).FullName!;

    /// <summary>
    /// Adds the events of this unit of work. Run again before every save, like <see cref="BoardCounts.Record"/>: the
    /// events added by a save that failed are dropped and worked out anew. Call after DetectChanges.
    /// </summary>
    public static void Record(ChangeTracker changes, DateTimeOffset now)
    {
        foreach (var unsaved in changes.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.MessageType == EventType).ToList())
        {
            unsaved.State = EntityState.Detached;
        }

        var changed = changes.Entries<Domain.Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity.Id)
            .Concat(changes.Entries<Domain.DossierHistoryEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DossierId))
            .Concat(changes.Entries<Domain.DossierPayment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DossierId))
            .ToHashSet();
        // Listed before the loop: adding outbox rows changes what the tracker enumerates.
        foreach (var dossier in changes.Entries<Domain.Dossier>().Select(e => e.Entity).Where(d => changed.Contains(d.Id)).ToList())
        {
            changes.Context.AddToOutbox(new DossierChanged
            {
                OrganisationId = dossier.OrganisationId, OccurredAt = now, RequestId = dossier.Id, Status = dossier.Status.ToString(),
            });
        }
    }
}
