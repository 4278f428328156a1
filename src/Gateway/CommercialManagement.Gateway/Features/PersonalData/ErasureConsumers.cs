using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Gateway.Features.Alerts;
using CommercialManagement.Gateway.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>
/// The gateway's part of an erasure: the alerts' copy of the customer's name and the alerts' texts that quote it, then
/// its own answer on the erasure's record (kept here: the gateway is the one that follows erasures). Also records an
/// erasure it did not start (the Inbox's retention job), so the Settings page lists it.
/// </summary>
internal sealed class CustomerErasureRequestedConsumer(GatewayDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var requested = context.Message;
        var cancellationToken = context.CancellationToken;
        var cases = requested.RequestIds.ToList();
        var known = await db.Set<AlertCase>()
            .Where(c => c.OrganisationId == requested.OrganisationId && cases.Contains(c.RequestId))
            .ToListAsync(cancellationToken);
        var traces = new ErasureTraces();
        foreach (var alertCase in known)
        {
            traces.Add(alertCase.CustomerName, null, null);
        }

        var changed = 0;
        var alerts = await db.Set<StaffAlert>().AsNoTracking()
            .Where(a => a.OrganisationId == requested.OrganisationId && cases.Contains(a.RequestId))
            .Select(a => new { a.Id, a.Text })
            .ToListAsync(cancellationToken);
        foreach (var alert in alerts.Where(a => traces.Redact(a.Text) != a.Text))
        {
            var redacted = traces.Redact(alert.Text);
            changed += await db.Set<StaffAlert>().Where(a => a.Id == alert.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Text, redacted), cancellationToken);
        }

        foreach (var alertCase in known.Where(c => c.CustomerName != ErasedCustomer.Name))
        {
            alertCase.Named(ErasedCustomer.Name);
            changed++;
        }

        changed += await traces.ForgetInMessagesAsync(db, requested.OrganisationId, cases, cancellationToken);
        var erasure = await ErasureRecords.FindOrAddAsync(db, requested.OrganisationId, requested.ErasureId, cancellationToken);
        erasure.Requested(requested);
        erasure.Acknowledged(new CustomerErased
        {
            OrganisationId = requested.OrganisationId, OccurredAt = timeProvider.GetUtcNow(), ErasureId = requested.ErasureId,
            Service = "gateway", RowsChanged = changed,
        });
        await db.SaveChangesAsync(cancellationToken);
        await ErasureRecords.ForgetRequestIfCompletedAsync(db, erasure, cancellationToken);
    }
}

/// <summary>A service's answer to an erasure, on its record (which it may reach before the request itself).</summary>
internal sealed class CustomerErasedConsumer(GatewayDbContext db) : IConsumer<CustomerErased>
{
    public async Task Consume(ConsumeContext<CustomerErased> context)
    {
        var erased = context.Message;
        var erasure = await ErasureRecords.FindOrAddAsync(db, erased.OrganisationId, erased.ErasureId, context.CancellationToken);
        erasure.Acknowledged(erased);
        await db.SaveChangesAsync(context.CancellationToken);
        await ErasureRecords.ForgetRequestIfCompletedAsync(db, erasure, context.CancellationToken);
    }
}

internal static class ErasureRecords
{
    public static async Task<CustomerErasure> FindOrAddAsync(GatewayDbContext db, Guid organisationId, Guid erasureId, CancellationToken cancellationToken)
    {
        var erasure = await db.Set<CustomerErasure>()
            .SingleOrDefaultAsync(e => e.Id == erasureId && e.OrganisationId == organisationId, cancellationToken);
        if (erasure is null)
        {
            erasure = CustomerErasure.Of(organisationId, erasureId);
            db.Set<CustomerErasure>().Add(erasure);
        }

        return erasure;
    }

    /// <summary>
    /// Once every service has answered, the request's own event (which names the customer's email) has nothing left to
    /// do: the sent row goes from this gateway's outbox now rather than in a week.
    /// </summary>
    public static async Task ForgetRequestIfCompletedAsync(GatewayDbContext db, CustomerErasure erasure, CancellationToken cancellationToken)
    {
        if (!erasure.Completed)
        {
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM outbox_messages
            WHERE sent_at IS NOT NULL AND message_type = {typeof(CustomerErasureRequested).FullName} AND payload->>'erasureId' = {erasure.Id.ToString()}
            """, cancellationToken);
    }
}
