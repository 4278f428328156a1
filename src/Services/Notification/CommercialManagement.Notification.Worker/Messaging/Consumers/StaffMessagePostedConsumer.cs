using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues the email that carries a staff reply to the customer, with the link to the customer space. The email
/// records the conversation message it carries, so its EmailSent or EmailFailed can be shown on that message.
/// </summary>
internal sealed class StaffMessagePostedConsumer(NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider)
    : IConsumer<StaffMessagePosted>
{
    public const string Kind = "StaffReply";

    public async Task Consume(ConsumeContext<StaffMessagePosted> context)
    {
        var reply = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("StaffMessagePosted without a message id.");
        await CaseCopies.KeepTokenAsync(db, reply.OrganisationId, reply.RequestId, reply.CustomerSpaceToken, reply.OccurredAt, context.CancellationToken);
        // One email per event, and per conversation message even if it were ever published twice.
        if (await db.Emails.AnyAsync(
                e => e.Kind == Kind && (e.SourceMessageId == messageId || e.RegardingId == reply.MessageId), context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, reply.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        var content = EmailTemplates.StaffReply(reply, sender.Name, sender.ContactPhone, options.Value.CustomerSpaceLink(reply.CustomerSpaceToken));
        db.Emails.Add(EmailMessage.Queue(
            reply.OrganisationId, messageId, Kind, reply.RequestId, reply.CustomerEmail, sender.FromName,
            await sender.ReplyToCaseAsync(db, reply.RequestId, context.CancellationToken),
            content, timeProvider.GetUtcNow(), regardingId: reply.MessageId, inReplyToEmail: reply.InReplyToEmail));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
