using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues the email that carries a sent quote to the customer: its PDF attached (fetched from the Quote service by the
/// sender, outside any transaction, and stored with the email), the link to the customer space with the case's current
/// token, signed by the organisation. One email per event, and per quote and version: a version sent later has its own.
/// </summary>
internal sealed partial class QuoteSentConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<QuoteSentConsumer> logger)
    : IConsumer<QuoteSent>
{
    public const string Kind = "QuoteSent";

    public async Task Consume(ConsumeContext<QuoteSent> context)
    {
        var quote = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("QuoteSent without a message id.");
        // The customer the quote is made out to: the payment emails go to them.
        await CaseCopies.KeepCustomerAsync(
            db, quote.OrganisationId, quote.RequestId, quote.CustomerName, quote.CustomerEmail, quote.Language, quote.OccurredAt, context.CancellationToken);
        if (await db.Emails.AnyAsync(
                e => e.Kind == Kind && (e.SourceMessageId == messageId || (e.RegardingId == quote.QuoteId && e.RegardingVersion == quote.Version)),
                context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, quote.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        var link = await CustomerSpaceLinkAsync(context, quote);
        var content = QuoteEmailTemplates.QuoteSent(quote, sender.Name, sender.ReplyTo, sender.ContactPhone, link);
        var now = timeProvider.GetUtcNow();
        if (string.IsNullOrWhiteSpace(quote.CustomerEmail))
        {
            var (undeliverable, failed) = EmailMessage.Undeliverable(
                quote.OrganisationId, messageId, Kind, quote.RequestId, sender.FromName, content, now,
                $"Le devis {quote.Number} n'indique pas l'adresse e-mail du client : il n'a pas pu lui être envoyé.", quote.QuoteId, quote.Version);
            db.Emails.Add(undeliverable);
            db.AddToOutbox(failed);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        var email = EmailMessage.Queue(
            quote.OrganisationId, messageId, Kind, quote.RequestId, quote.CustomerEmail.Trim(), sender.FromName,
            await sender.ReplyToCaseAsync(db, quote.RequestId, context.CancellationToken), content, now,
            regardingId: quote.QuoteId, regardingVersion: quote.Version);
        db.Emails.Add(email);
        db.Attachments.Add(EmailAttachment.PdfToFetch(email, DocumentSource.Quote, DocumentPdfClient.FileName(quote.Number, "devis")));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// The link with the case's current token. Events can overtake each other: without the case's copy yet, the message
    /// is retried, and only its last attempt goes on without the link (the PDF is the quote; the customer can answer).
    /// </summary>
    private async Task<string?> CustomerSpaceLinkAsync(ConsumeContext context, QuoteSent quote)
    {
        var token = await db.Cases.Where(c => c.RequestId == quote.RequestId).Select(c => c.CustomerSpaceToken)
            .SingleOrDefaultAsync(context.CancellationToken);
        if (token is not null)
        {
            return options.Value.CustomerSpaceLink(token);
        }

        if (context.GetRetryAttempt() < MessagingExtensions.RetryCount)
        {
            throw new CaseNotKnownYetException(quote.RequestId);
        }

        LogSentWithoutLink(quote.Number, quote.RequestId);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote {Number} emailed without the customer-space link: case {RequestId} never arrived (no RequestReceived or StaffMessagePosted)")]
    private partial void LogSentWithoutLink(string number, Guid requestId);
}
