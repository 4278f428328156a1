using CommercialManagement.Contracts.Identity;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Emails an unanswered-request alert (Kind « Unanswered », issue 17) when the organisation wants its alerts by email: to
/// its recipient (the assignee, or each admin: one event each), else to the organisation's contact address. The
/// organisation turns the alert itself off in Paramètres (0 working hours). One email per alert, whatever the redeliveries.
/// </summary>
internal sealed class UnansweredAlertEmailConsumer(NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider)
    : IConsumer<StaffAlertRaised>
{
    public const string Kind = "UnansweredAlert";

    public async Task Consume(ConsumeContext<StaffAlertRaised> context)
    {
        var raised = context.Message;
        if (raised.Kind != "Unanswered" || string.IsNullOrWhiteSpace(raised.Text))
        {
            return;
        }

        var messageId = context.MessageId ?? throw new InvalidOperationException("StaffAlertRaised without a message id.");
        if (await db.Emails.AnyAsync(e => e.SourceMessageId == messageId && e.Kind == Kind, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, raised.OrganisationId);
        if (organisation is { AlertsByEmail: false })
        {
            return;
        }

        await StaffAlertMail.QueueAsync(
            db, context, options.Value, timeProvider, organisation, raised.OrganisationId, raised.RequestId, raised.RecipientId, Kind,
            (organisationName, staffName) => UnansweredAlertTemplates.Alert(raised.Text, organisationName, staffName, options.Value.BackOfficeRequestLink(raised.RequestId)));
    }
}
