using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.Alerts;

/// <summary>One alert as the bell lists it.</summary>
internal sealed record AlertRow(Guid Id, Guid RequestId, AlertKind Kind, string Text, DateTimeOffset OccurredAt, bool Read, bool ForEveryone);

/// <summary>
/// The signed-in staff member's alerts: theirs, and their organisation's unassigned ones; every query is scoped to the
/// organisation and the person (the gateway's tables carry no tenant filter). Each call has its own database context:
/// a page's live refresh and a click may overlap in one circuit.
/// </summary>
internal sealed class StaffAlerts(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int Shown = 20;

    public Task<int> UnreadCountAsync(Guid organisationId, Guid me, CancellationToken cancellationToken = default) =>
        WithAsync(db => Mine(db, organisationId, me).CountAsync(a => a.ReadAt == null, cancellationToken));

    /// <summary>The latest <see cref="Shown"/>, unread first.</summary>
    public Task<List<AlertRow>> LatestAsync(Guid organisationId, Guid me, CancellationToken cancellationToken = default) =>
        WithAsync(db => Mine(db, organisationId, me).AsNoTracking()
            .OrderBy(a => a.ReadAt != null).ThenByDescending(a => a.OccurredAt)
            .Take(Shown)
            .Select(a => new AlertRow(a.Id, a.RequestId, a.Kind, a.Text, a.OccurredAt, a.ReadAt != null, a.RecipientId == null))
            .ToListAsync(cancellationToken));

    /// <summary>Marks one of mine read (another's, or another organisation's, is not found and changes nothing).</summary>
    public Task<int> MarkReadAsync(Guid organisationId, Guid me, Guid alertId, CancellationToken cancellationToken = default) =>
        MarkAsync(organisationId, me, a => a.Id == alertId, cancellationToken);

    public Task<int> MarkAllReadAsync(Guid organisationId, Guid me, CancellationToken cancellationToken = default) =>
        MarkAsync(organisationId, me, _ => true, cancellationToken);

    /// <summary>Marks them read and, in the same transaction, tells the other open bells (through the outbox).</summary>
    private Task<int> MarkAsync(Guid organisationId, Guid me, System.Linq.Expressions.Expression<Func<StaffAlert, bool>> which, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return WithAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await Mine(db, organisationId, me).Where(a => a.ReadAt == null).Where(which)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ReadAt, now), cancellationToken);
            if (marked > 0)
            {
                db.AddToOutbox(new StaffAlertsRead { OrganisationId = organisationId, OccurredAt = now, StaffId = me });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return marked;
        });
    }

    private async Task<T> WithAsync<T>(Func<GatewayDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GatewayDbContext>());
    }

    private static IQueryable<StaffAlert> Mine(GatewayDbContext db, Guid organisationId, Guid me) =>
        db.Set<StaffAlert>().Where(a => a.OrganisationId == organisationId && (a.RecipientId == me || a.RecipientId == null));
}
