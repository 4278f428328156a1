using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// Queues the acknowledgement a customer gets for a request from a website form, with the link to their space; keeps
/// the case's token and customer for the emails that come later.
/// </summary>
internal sealed class RequestReceivedConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<RequestReceivedConsumer> logger)
    : IConsumer<RequestReceived>
{
    public const string Kind = "RequestAcknowledgement";

    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var request = context.Message;
        await CaseCopies.KeepCustomerAsync(
            db, request.OrganisationId, request.RequestId, request.CustomerName, request.CustomerEmail, request.Language, request.OccurredAt,
            context.CancellationToken);
        if (request.CustomerSpaceToken is { } caseToken)
        {
            // Every case, phone ones too: their quote is emailed with the link.
            await CaseCopies.KeepTokenAsync(db, request.OrganisationId, request.RequestId, caseToken, request.OccurredAt, context.CancellationToken);
        }

        if (request.ReplyToken is { } replyToken && ReplyAddress.IsToken(replyToken))
        {
            // Every case: all its emails (a phone case's quote too) reply to its conversation.
            await CaseCopies.KeepReplyTokenAsync(db, request.OrganisationId, request.RequestId, replyToken, context.CancellationToken);
        }

        if (request.Channel != RequestChannel.WebForm)
        {
            return;
        }

        var messageId = context.MessageId ?? throw new InvalidOperationException("RequestReceived without a message id.");
        if (await db.Emails.AnyAsync(e => e.SourceMessageId == messageId && e.Kind == Kind, context.CancellationToken))
        {
            return;
        }

        if (await OverCapAsync(request, context.CancellationToken))
        {
            return;
        }

        var organisation = await OrganisationSender.ProfileAsync(db, context, request.OrganisationId);
        var sender = OrganisationSender.Of(organisation, options.Value);
        var content = EmailTemplates.RequestAcknowledgement(
            request, sender.Name, sender.ContactPhone, request.CustomerSpaceToken is { } token ? options.Value.CustomerSpaceLink(token) : null);
        db.Emails.Add(EmailMessage.Queue(
            request.OrganisationId, messageId, Kind, request.RequestId, request.CustomerEmail.Trim().ToLowerInvariant(), sender.FromName,
            await sender.ReplyToCaseAsync(db, request.RequestId, context.CancellationToken),
            content, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// The public form sends, from the organisation's name, an email to any address typed: past the day's caps (per
    /// organisation, per recipient across all of them) the acknowledgement is not sent. The request is kept and answered
    /// by a person; the log says why no acknowledgement went.
    /// </summary>
    private async Task<bool> OverCapAsync(RequestReceived request, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().AddDays(-1);
        var recipient = request.CustomerEmail.Trim().ToLowerInvariant();
        var toRecipient = await db.Emails.IgnoreQueryFilters()
            .CountAsync(e => e.Kind == Kind && e.To == recipient && e.QueuedAt > since, cancellationToken);
        if (toRecipient >= options.Value.AcknowledgementsPerRecipientPerDay)
        {
            logger.LogWarning("No acknowledgement for request {RequestId}: its address already got {Count} in 24 hours.", request.RequestId, toRecipient);
            return true;
        }

        var fromOrganisation = await db.Emails.CountAsync(e => e.Kind == Kind && e.QueuedAt > since, cancellationToken);
        if (fromOrganisation >= options.Value.AcknowledgementsPerOrganisationPerDay)
        {
            logger.LogWarning("No acknowledgement for request {RequestId}: its organisation sent {Count} in 24 hours.", request.RequestId, fromOrganisation);
            return true;
        }

        return false;
    }
}
