using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.Requests;
using CommercialManagement.Inbox.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.Conversation;

internal sealed record ConversationEntry(
    Guid Id, MessageKind Kind, string Body, string AuthorName, DateTimeOffset PostedAt, EmailDelivery Delivery, string? DeliveryFailure,
    MessageChannel Channel = MessageChannel.App, string? EmailSubject = null, bool HasOriginal = false,
    IReadOnlyList<AttachmentEntry>? Attachments = null);

/// <summary>A file of a customer's email: downloadable when kept, with the reason when refused.</summary>
internal sealed record AttachmentEntry(Guid Id, string FileName, string ContentType, long Size, string? RefusedReason);

internal sealed record RequestDetail(
    RequestSummary Request, string Language, bool Consent, string CustomerSpaceToken, IReadOnlyList<ConversationEntry> Conversation,
    string? ConsentText = null, DateTimeOffset? ConsentAt = null);

internal sealed record PostMessageBody(string? Body, bool Internal);

/// <summary>
/// The conversation of a request as staff see it: the customer's first message (or the phone call's note), then
/// every message, reply, internal note and system email in order. Replies are emailed by Notification.
/// </summary>
internal static class ConversationEndpoints
{
    public static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> GetAsync(Guid id, InboxDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.RequestId == id)
            .OrderBy(m => m.PostedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var withEmail = messages.Where(m => m.Channel == MessageChannel.Email).Select(m => m.Id).ToList();
        var attachments = (withEmail.Count == 0
                ? []
                : await db.Attachments.AsNoTracking().Where(a => withEmail.Contains(a.MessageId)).OrderBy(a => a.Id)
                    .Select(a => new { a.MessageId, Entry = new AttachmentEntry(a.Id, a.FileName, a.ContentType, a.Size, a.RefusedReason) })
                    .ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId, a => a.Entry);
        return TypedResults.Ok(new RequestDetail(
            RequestsEndpoints.Summary(request), request.Language, request.Consent, request.CustomerSpaceToken,
            [.. Opening(request), .. messages.Select(m => Entry(m) with { Attachments = [.. attachments[m.Id]] })],
            request.ConsentText, request.ConsentAt));
    }

    public static async Task<Results<Created<ConversationEntry>, ValidationProblem, ProblemHttpResult>> PostAsync(
        Guid id, PostMessageBody body, HttpContext http, InboxDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ValidateBody(body.Body) is { } errors)
        {
            return errors;
        }

        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var now = timeProvider.GetUtcNow();
        var staffId = Guid.Parse(http.User.FindFirst(StaffClaims.UserId)!.Value);
        var staffName = http.User.FindFirst(StaffClaims.Name)?.Value ?? "";
        var message = ConversationMessage.FromStaff(request, body.Body!.Trim(), staffId, staffName, body.Internal, now);
        db.Messages.Add(message);
        if (!body.Internal)
        {
            // Answering the customer means their messages were read.
            if (request.Unread)
            {
                request.MarkRead();
                db.AddToOutbox(new ConversationRead { OrganisationId = request.OrganisationId, OccurredAt = now, RequestId = request.Id, StaffId = staffId });
            }

            // The customer's latest email, if they wrote by email: the reply is sent In-Reply-To it (issue 18).
            var inReplyTo = await db.ThreadLinks.AsNoTracking().Where(l => l.RequestId == id && !l.Outgoing)
                .OrderByDescending(l => l.At).Select(l => l.InternetMessageId).FirstOrDefaultAsync(cancellationToken);
            db.AddToOutbox(new StaffMessagePosted
            {
                InReplyToEmail = inReplyTo,
                OrganisationId = request.OrganisationId,
                OccurredAt = now,
                RequestId = request.Id,
                MessageId = message.Id,
                StaffId = staffId,
                StaffName = staffName,
                CustomerName = request.CustomerName,
                CustomerEmail = request.CustomerEmail,
                Language = request.Language,
                Body = message.Body,
                CustomerSpaceToken = request.CustomerSpaceToken,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/requests/{id}/messages/{message.Id}", Entry(message));
    }

    /// <summary>
    /// A new link for the customer space: the old one stops working at once. CustomerSpaceLinkRenewed goes out with it,
    /// so that the next email Notification sends on its own (the quote) carries the new link.
    /// </summary>
    public static async Task<Results<Ok<CustomerSpaceLink>, ProblemHttpResult>> RenewCustomerSpaceAsync(
        Guid id, InboxDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        request.RenewCustomerSpaceToken();
        db.AddToOutbox(new CustomerSpaceLinkRenewed
        {
            OrganisationId = request.OrganisationId, OccurredAt = timeProvider.GetUtcNow(), RequestId = request.Id,
            CustomerSpaceToken = request.CustomerSpaceToken,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CustomerSpaceLink(request.CustomerSpaceToken));
    }

    /// <summary>The request itself opens the conversation with what the customer wrote on the form, if anything.</summary>
    public static IEnumerable<ConversationEntry> Opening(Request request) => string.IsNullOrEmpty(request.Message)
        ? []
        : [new ConversationEntry(request.Id, MessageKind.Customer, request.Message, request.CustomerName, request.ReceivedAt, EmailDelivery.None, null)];

    public static ConversationEntry Entry(ConversationMessage m) =>
        new(m.Id, m.Kind, m.Body, m.AuthorName, m.PostedAt, m.Delivery, m.DeliveryFailure, m.Channel, m.EmailSubject, m.InboundEmailId is not null);

    public static ValidationProblem? ValidateBody(string? body) => body?.Trim() switch
    {
        null or "" => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["body"] = ["Le message est vide : écrivez quelque chose avant d'envoyer."] },
            title: "Le message contient des erreurs."),
        { Length: > ConversationMessage.MaxBodyLength } => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["body"] = [$"Le message dépasse {ConversationMessage.MaxBodyLength} caractères."] },
            title: "Le message contient des erreurs."),
        _ => null,
    };

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "Demande introuvable.", statusCode: StatusCodes.Status404NotFound);
}

internal sealed record CustomerSpaceLink(string Token);
