using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues the email that carries an invoice or a credit note to the customer it is made out to, as the quote email does:
/// its PDF attached (fetched from the Payment service by the sender, outside any transaction, and stored with the email),
/// the link to the customer space when the case's token is known, signed by the organisation. One email per event, and
/// per invoice.
/// </summary>
internal sealed partial class InvoiceIssuedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<InvoiceIssuedConsumer> logger)
    : IConsumer<InvoiceIssued>
{
    public const string Kind = "InvoiceIssued";

    public async Task Consume(ConsumeContext<InvoiceIssued> context)
    {
        var invoice = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("InvoiceIssued without a message id.");
        if (await CustomerEmails.AlreadyQueuedAsync(db, Kind, messageId, invoice.InvoiceId, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, invoice.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        // The case's current token if the worker has it; an invoice never waits for it: the PDF is the document, and the
        // customer can answer the email.
        var token = await db.Cases.Where(c => c.RequestId == invoice.RequestId).Select(c => c.CustomerSpaceToken)
            .SingleOrDefaultAsync(context.CancellationToken);
        var link = token is null ? null : options.Value.CustomerSpaceLink(token);
        var english = invoice.Language == "en";
        var parties = new PaymentEmailParties(invoice.CustomerName, english, sender.Name, sender.ReplyTo, sender.ContactPhone);
        var content = InvoiceEmailTemplates.InvoiceIssued(invoice, parties, link);
        var now = timeProvider.GetUtcNow();
        if (string.IsNullOrWhiteSpace(invoice.CustomerEmail))
        {
            var (undeliverable, failed) = EmailMessage.Undeliverable(
                invoice.OrganisationId, messageId, Kind, invoice.RequestId, sender.FromName, content, now,
                invoice.Kind == "CreditNote"
                    ? $"L'avoir {invoice.Number} n'indique pas l'adresse e-mail du client : il n'a pas pu lui être envoyé."
                    : $"La facture {invoice.Number} n'indique pas l'adresse e-mail du client : elle n'a pas pu lui être envoyée.",
                invoice.InvoiceId);
            db.Emails.Add(undeliverable);
            db.AddToOutbox(failed);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        if (link is null)
        {
            LogSentWithoutLink(invoice.Number, invoice.RequestId);
        }

        var email = EmailMessage.Queue(
            invoice.OrganisationId, messageId, Kind, invoice.RequestId, invoice.CustomerEmail.Trim(), sender.FromName,
            await sender.ReplyToCaseAsync(db, invoice.RequestId, context.CancellationToken), content, now,
            regardingId: invoice.InvoiceId);
        db.Emails.Add(email);
        db.Attachments.Add(EmailAttachment.PdfToFetch(email, DocumentSource.Invoice, DocumentPdfClient.FileName(invoice.Number, "facture")));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} emailed without the customer-space link: the token of case {RequestId} is not known")]
    private partial void LogSentWithoutLink(string number, Guid requestId);
}
