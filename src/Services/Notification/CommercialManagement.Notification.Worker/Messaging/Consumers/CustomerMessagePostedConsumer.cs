using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Alerts staff that a customer answered (<see cref="StaffAlertMail"/>: the assignee, else the organisation's address).
/// Nothing is sent when the organisation turned alerts by email off.
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

        await StaffAlertMail.QueueAsync(
            db, context, options.Value, timeProvider, organisation, posted.OrganisationId, posted.RequestId, posted.AssigneeId, Kind,
            (organisationName, staffName) => StaffAlertTemplates.CustomerReply(posted, organisationName, staffName, options.Value.BackOfficeRequestLink(posted.RequestId)));
    }
}
