using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Alerts staff that a customer answered: the assignee when they are known, active and of the organisation, else the
/// organisation's contact address. When neither is known (no OrganisationChanged yet), the alert is logged as failed
/// with the reason and EmailFailed is published, rather than retried in a loop or lost. Nothing is sent when the
/// organisation turned alerts by email off.
/// </summary>
internal sealed class CustomerMessagePostedConsumer(NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider)
    : IConsumer<CustomerMessagePosted>
{
    public const string Kind = "CustomerReplyAlert";

    public async Task Consume(ConsumeContext<CustomerMessagePosted> context)
    {
        var posted = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("CustomerMessagePosted without a message id.");
        if (await db.Emails.AnyAsync(e => e.SourceMessageId == messageId && e.Kind == Kind, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, posted.OrganisationId);
        if (organisation is { AlertsByEmail: false })
        {
            // The organisation reads its alerts in the bell only.
            return;
        }

        var assignee = posted.AssigneeId is { } assigneeId
            ? await db.StaffMembers.SingleOrDefaultAsync(s => s.StaffId == assigneeId, context.CancellationToken)
            : null;
        if (assignee is not null && !assignee.CanBeAlertedFor(posted.OrganisationId))
        {
            assignee = null;
        }

        var sender = OrganisationSender.Of(organisation, options.Value);
        var to = assignee?.Email ?? organisation?.ContactEmail;
        var content = StaffAlertTemplates.CustomerReply(
            posted, sender.Name, assignee?.Name, options.Value.BackOfficeRequestLink(posted.RequestId));
        var now = timeProvider.GetUtcNow();
        if (string.IsNullOrWhiteSpace(to))
        {
            var (email, failed) = EmailMessage.Undeliverable(
                posted.OrganisationId, messageId, Kind, posted.RequestId, sender.FromName, content, now,
                "Aucune adresse à alerter : ni responsable actif connu, ni adresse de contact de l'organisation (OrganisationChanged pas encore reçu).");
            db.Emails.Add(email);
            db.AddToOutbox(failed);
        }
        else
        {
            // No reply-to: an answer to an alert would reach nobody useful; the link leads to the conversation.
            db.Emails.Add(EmailMessage.Queue(posted.OrganisationId, messageId, Kind, posted.RequestId, to, sender.FromName, null, content, now));
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
