using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Messaging.Consumers;

/// <summary>
/// Shows in the conversation what became of the emails about a case: a staff reply is marked sent or failed with
/// the mail server's reason; an email the system sent on its own (the acknowledgement) becomes an entry. Alerts to
/// staff stay out of the customer's thread.
/// Open pages are told once it is committed (<see cref="ConversationChanged"/>). Every email sent about a case is also
/// remembered by its Message-ID (<see cref="EmailThreadLink"/>), so that a reply naming it finds the conversation (issue 18).
/// </summary>
internal sealed class EmailDeliveryConsumer(InboxDbContext db, TimeProvider time) : IConsumer<EmailSent>, IConsumer<EmailFailed>
{
    public const string StaffReply = "StaffReply";
    public const string RequestAcknowledgement = "RequestAcknowledgement";

    public async Task Consume(ConsumeContext<EmailSent> context)
    {
        var sent = context.Message;
        if (sent is { CaseId: { } caseId, InternetMessageId: { Length: > 0 } internetMessageId }
            && !await db.ThreadLinks.AnyAsync(l => l.InternetMessageId == internetMessageId, context.CancellationToken)
            && await db.Requests.AnyAsync(r => r.Id == caseId, context.CancellationToken))
        {
            db.ThreadLinks.Add(EmailThreadLink.Of(sent.OrganisationId, internetMessageId, caseId, outgoing: true, sent.OccurredAt));
        }

        await RecordAsync(sent.CaseId, sent.Kind, sent.RegardingId, sent.EmailId, sent.Subject, failure: null, sent.OccurredAt, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public Task Consume(ConsumeContext<EmailFailed> context) =>
        RecordAsync(context.Message.CaseId, context.Message.Kind, context.Message.RegardingId, context.Message.EmailId,
            context.Message.Subject, context.Message.Reason, context.Message.OccurredAt, context.CancellationToken);

    private async Task RecordAsync(Guid? caseId, string kind, Guid? regardingId, Guid emailId, string subject, string? failure, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (caseId is null)
        {
            return;
        }

        Guid organisationId;
        switch (kind)
        {
            case StaffReply when regardingId is { } messageId:
                var reply = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.RequestId == caseId, cancellationToken);
                if (reply is null)
                {
                    return;
                }

                if (failure is null)
                {
                    reply.Delivered();
                }
                else
                {
                    reply.NotDelivered(failure);
                }

                organisationId = reply.OrganisationId;
                break;
            case RequestAcknowledgement:
                var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == caseId, cancellationToken);
                if (request is null || await db.Messages.AnyAsync(m => m.Id == emailId, cancellationToken))
                {
                    return;
                }

                db.Messages.Add(ConversationMessage.SystemEmail(request, emailId, subject, failure, at));
                organisationId = request.OrganisationId;
                break;
            default:
                return;
        }

        db.AddToOutbox(new ConversationChanged { OrganisationId = organisationId, OccurredAt = time.GetUtcNow(), RequestId = caseId.Value });
        await db.SaveChangesAsync(cancellationToken);
    }
}
