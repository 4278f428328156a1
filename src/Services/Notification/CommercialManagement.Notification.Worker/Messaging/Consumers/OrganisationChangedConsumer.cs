using CommercialManagement.Contracts.Identity;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>Keeps the sender name, reply-to and contact of each organisation for its emails.</summary>
internal sealed class OrganisationChangedConsumer(NotificationDbContext db) : IConsumer<OrganisationChanged>
{
    public async Task Consume(ConsumeContext<OrganisationChanged> context)
    {
        var changed = context.Message;
        var profile = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == changed.OrganisationId, context.CancellationToken);
        if (profile is null)
        {
            db.Organisations.Add(OrganisationProfile.From(changed));
        }
        else
        {
            profile.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
