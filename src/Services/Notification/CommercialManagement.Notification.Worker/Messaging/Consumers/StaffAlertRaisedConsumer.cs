using CommercialManagement.Contracts.Identity;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Emails an alert the back office's bell rang for an acceptance or a payment online, when the organisation wants its
/// alerts by email too: to the recipient when they are known, active and of the organisation, else (nobody assigned) to
/// the organisation's contact address. A customer's answer is emailed from CustomerMessagePosted itself, so it is not
/// emailed twice. One email per alert, whatever the redeliveries.
/// </summary>
internal sealed class StaffAlertRaisedConsumer(NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider)
    : IConsumer<StaffAlertRaised>
{
    public const string QuoteAcceptedKind = "QuoteAcceptedAlert";

    public const string PaymentReceivedKind = "PaymentReceivedAlert";

    public async Task Consume(ConsumeContext<StaffAlertRaised> context)
    {
        var raised = context.Message;
        var kind = raised.Kind switch
        {
            "QuoteAccepted" => QuoteAcceptedKind,
            "PaymentReceived" => PaymentReceivedKind,
            _ => null,
        };
        if (kind is null || string.IsNullOrWhiteSpace(raised.Text))
        {
            return;
        }

        var messageId = context.MessageId ?? throw new InvalidOperationException("StaffAlertRaised without a message id.");
        if (await db.Emails.AnyAsync(e => e.SourceMessageId == messageId && e.Kind == kind, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, raised.OrganisationId);
        if (organisation is { AlertsByEmail: false })
        {
            return;
        }

        await StaffAlertMail.QueueAsync(
            db, context, options.Value, timeProvider, organisation, raised.OrganisationId, raised.RequestId, raised.RecipientId, kind,
            (organisationName, staffName) => StaffAlertTemplates.Alert(raised.Text, organisationName, staffName, options.Value.BackOfficeDossierLink(raised.RequestId)));
    }
}
