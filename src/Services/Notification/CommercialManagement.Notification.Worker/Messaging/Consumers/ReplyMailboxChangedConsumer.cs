using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Keeps the address of each organisation's reply mailbox (issue 18), which the Reply-To of its emails to customers
/// points to while it is on. It may come before the organisation's OrganisationChanged: the profile is then created with
/// the mailbox alone, and OrganisationChanged fills the rest (and emails wait for it, <see cref="OrganisationSender.ProfileAsync"/>).
/// Two first events of one organisation at once both try to insert: the loser's retry finds the row.
/// </summary>
internal sealed class ReplyMailboxChangedConsumer(NotificationDbContext db) : IConsumer<ReplyMailboxChanged>
{
    public async Task Consume(ConsumeContext<ReplyMailboxChanged> context)
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
