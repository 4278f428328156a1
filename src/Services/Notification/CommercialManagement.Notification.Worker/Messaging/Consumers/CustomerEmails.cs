using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// The steps the payment emails share: one email per event and per item carried (a payment request, a payment, a
/// refund, a cancelled case), queued to the case's customer, or logged as failed at once with the reason when it cannot
/// be delivered.
/// </summary>
internal static partial class CustomerEmails
{
    /// <summary>
    /// A payment email from its event: once per event and per item, the seller and the customer of the case (retried until
    /// both are known), the link when the case's token is, the content, then queued or logged as failed.
    /// </summary>
    /// <param name="link">The link the email carries, from the case's customer-space token.</param>
    /// <param name="render">The email for these parties and that link (null when the token is not known).</param>
    /// <param name="undeliverable">Why it cannot be sent (the customer, the link), or null.</param>
    /// <param name="waitForToken">False for an email that only waits for the address and goes without the link otherwise.</param>
    public static async Task QueueAsync(
        NotificationDbContext db, ConsumeContext context, EmailOptions options, DateTimeOffset now, ILogger logger,
        (string Kind, Guid OrganisationId, Guid CaseId, Guid RegardingId) email,
        Func<string, string> link, Func<PaymentEmailParties, string?, RenderedEmail> render, Func<CaseCustomer, string?, string?> undeliverable,
        bool waitForToken = true)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{email.Kind} event without a message id.");
        if (await AlreadyQueuedAsync(db, email.Kind, messageId, email.RegardingId, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, email.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options);
        var customer = await CaseCustomer.OfAsync(db, context, email.CaseId, waitForToken);
        var url = customer.CustomerSpaceToken is { } token ? link(token) : null;
        var content = render(new PaymentEmailParties(customer.Name, customer.English, sender.Name, sender.ReplyTo, sender.ContactPhone), url);
        var replyTo = sender.ReplyToCase(customer.ReplyToken);
        Add(db, logger, email.OrganisationId, messageId, email.Kind, email.CaseId, email.RegardingId, customer.Email, sender.FromName, replyTo, content, now, undeliverable(customer, url));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public static Task<bool> AlreadyQueuedAsync(NotificationDbContext db, string kind, Guid messageId, Guid regardingId, CancellationToken cancellationToken) =>
        db.Emails.AnyAsync(e => e.Kind == kind && (e.SourceMessageId == messageId || e.RegardingId == regardingId), cancellationToken);

    /// <param name="replyTo">The case's Reply-To (<see cref="OrganisationSender.ReplyToCase(string?)"/>).</param>
    /// <param name="undeliverable">Why the email cannot be sent, or null: it is queued to <paramref name="to"/>.</param>
    public static void Add(
        NotificationDbContext db, ILogger logger, Guid organisationId, Guid messageId, string kind, Guid caseId, Guid regardingId,
        string? to, string fromName, string? replyTo, RenderedEmail content, DateTimeOffset now, string? undeliverable)
    {
        if (undeliverable is not null || string.IsNullOrWhiteSpace(to))
        {
            var reason = undeliverable ?? "L'adresse e-mail du client de ce dossier n'est pas connue.";
            var (email, failed) = EmailMessage.Undeliverable(organisationId, messageId, kind, caseId, fromName, content, now, reason, regardingId);
            db.Emails.Add(email);
            db.AddToOutbox(failed);
            LogUndeliverable(logger, kind, caseId, regardingId, reason);
            return;
        }

        db.Emails.Add(EmailMessage.Queue(organisationId, messageId, kind, caseId, to.Trim(), fromName, replyTo, content, now, regardingId: regardingId));
        LogQueued(logger, kind, caseId, regardingId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} email of case {CaseId} (regarding {RegardingId}) queued to the customer")]
    private static partial void LogQueued(ILogger logger, string kind, Guid caseId, Guid regardingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} email of case {CaseId} (regarding {RegardingId}) cannot be sent and is logged as failed: {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, string kind, Guid caseId, Guid regardingId, string reason);
}
