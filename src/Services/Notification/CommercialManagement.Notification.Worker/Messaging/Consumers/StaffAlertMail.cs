using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// An alert email to staff: to the recipient when they are known, active and of the organisation, else to the
/// organisation's contact address; with no address at all (the organisation not known yet) it is logged as failed with
/// the reason and EmailFailed is published, rather than retried in a loop or lost. No reply-to: an answer to an alert
/// would reach nobody useful; its link leads to the back office.
/// </summary>
internal static class StaffAlertMail
{
    public static async Task QueueAsync(
        NotificationDbContext db, ConsumeContext context, EmailOptions options, TimeProvider time, OrganisationProfile? organisation,
        Guid organisationId, Guid requestId, Guid? recipientId, string kind, Func<string, string?, RenderedEmail> render)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{kind} without a message id.");
        var recipient = recipientId is { } id ? await db.StaffMembers.SingleOrDefaultAsync(s => s.StaffId == id, context.CancellationToken) : null;
        if (recipient is not null && !recipient.CanBeAlertedFor(organisationId))
        {
            recipient = null;
        }

        var sender = OrganisationSender.Of(organisation, options);
        var to = recipient?.Email ?? organisation?.ContactEmail;
        var content = render(sender.Name, recipient?.Name);
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(to))
        {
            var (email, failed) = EmailMessage.Undeliverable(
                organisationId, messageId, kind, requestId, sender.FromName, content, now,
                "Aucune adresse à alerter : ni destinataire actif connu, ni adresse de contact de l'organisation (OrganisationChanged pas encore reçu).",
                toCustomer: false);
            db.Emails.Add(email);
            db.AddToOutbox(failed);
        }
        else
        {
            db.Emails.Add(EmailMessage.QueueToStaff(organisationId, messageId, kind, requestId, to, sender.FromName, content, now));
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
