using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// One entry of a request's conversation after the request itself: a customer's message from the customer space or
/// by email, a staff reply (emailed to the customer), an internal note (never shown or sent to the customer), an email
/// the system sent on its own (the acknowledgement), an automatic reply from the customer's mailbox (kept quietly), or
/// a delivery failure report. Customer text is stored as typed and encoded where shown.
/// </summary>
internal sealed class ConversationMessage : ITenantOwned
{
    public const int MaxBodyLength = 5000;

    private ConversationMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RequestId { get; private set; }

    public MessageKind Kind { get; private set; }

    public string Body { get; private set; } = "";

    public Guid? AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTimeOffset PostedAt { get; private set; }

    /// <summary>For a staff reply or a system email: where its email stands.</summary>
    public EmailDelivery Delivery { get; private set; }

    /// <summary>Why the email could not be delivered, as the mail server said it.</summary>
    public string? DeliveryFailure { get; private set; }

    /// <summary>Where a customer's entry came from: the customer space, or an email fetched from the reply mailbox.</summary>
    public MessageChannel Channel { get; private set; }

    /// <summary>The subject of the customer's email, when it came by email.</summary>
    public string? EmailSubject { get; private set; }

    /// <summary>The email it came from (its original, kept whole and viewable by staff), when it came by email.</summary>
    public Guid? InboundEmailId { get; private set; }

    /// <summary>The customer's email (issue 18): the same effects as a message from the customer space.</summary>
    public static ConversationMessage FromCustomerEmail(Request request, string body, string subject, Guid inboundEmailId, DateTimeOffset at)
    {
        var message = FromCustomer(request, body, at);
        (message.Channel, message.EmailSubject, message.InboundEmailId) = (MessageChannel.Email, Trimmed(subject, MaxSubjectLength), inboundEmailId);
        return message;
    }

    /// <summary>
    /// Something the customer's mailbox sent by itself (an out-of-office reply) or a delivery failure report about our
    /// email: kept in the conversation for staff, but it neither makes the request unread nor waits for an answer, and
    /// nothing is emailed because of it (issue 18: no mail loops).
    /// </summary>
    public static ConversationMessage Quiet(Request request, MessageKind kind, string body, string subject, Guid inboundEmailId, DateTimeOffset at)
    {
        if (kind is not (MessageKind.AutoReply or MessageKind.DeliveryReport))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only automatic replies and delivery reports are quiet.");
        }

        var message = New(request, kind, body, null, kind == MessageKind.AutoReply ? request.CustomerName : "", EmailDelivery.None, at);
        (message.Channel, message.EmailSubject, message.InboundEmailId) = (MessageChannel.Email, Trimmed(subject, MaxSubjectLength), inboundEmailId);
        return message;
    }

    public const int MaxSubjectLength = 300;

    private static string Trimmed(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The customer's message; the request moves to the top of « Demandes » with it.</summary>
    public static ConversationMessage FromCustomer(Request request, string body, DateTimeOffset now)
    {
        request.Wrote(null, body, now);
        var message = New(request, MessageKind.Customer, body, null, request.CustomerName, EmailDelivery.None, now);
        request.CustomerWrote(message.Id, now);
        return message;
    }

    /// <summary>A reply or a note; a reply stops the unanswered clock; the request moves to the top of « Demandes » with it, under its author's name.</summary>
    public static ConversationMessage FromStaff(Request request, string body, Guid staffId, string staffName, bool internalNote, DateTimeOffset now)
    {
        request.Wrote(internalNote ? $"Note de {staffName}" : staffName, body, now);
        if (!internalNote)
        {
            // An answer stops the unanswered clock; a note, which the customer never sees, does not.
            request.StopAwaitingReply();
        }

        return internalNote
            ? New(request, MessageKind.InternalNote, body, staffId, staffName, EmailDelivery.None, now)
            : New(request, MessageKind.Staff, body, staffId, staffName, EmailDelivery.Pending, now);
    }

    /// <summary>An email the system sent on its own, such as the acknowledgement of a website request.</summary>
    public static ConversationMessage SystemEmail(Request request, Guid emailId, string subject, string? failure, DateTimeOffset at) => new()
    {
        Id = emailId,
        OrganisationId = request.OrganisationId,
        RequestId = request.Id,
        Kind = MessageKind.SystemEmail,
        Body = subject,
        AuthorName = "",
        PostedAt = at,
        Delivery = failure is null ? EmailDelivery.Sent : EmailDelivery.Failed,
        DeliveryFailure = failure,
    };

    public void Delivered() => (Delivery, DeliveryFailure) = (EmailDelivery.Sent, null);

    public void NotDelivered(string reason) => (Delivery, DeliveryFailure) = (EmailDelivery.Failed, reason.Length > 1000 ? reason[..1000] : reason);

    private static ConversationMessage New(Request request, MessageKind kind, string body, Guid? authorId, string authorName, EmailDelivery delivery, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = request.OrganisationId,
        RequestId = request.Id,
        Kind = kind,
        Body = body,
        AuthorId = authorId,
        AuthorName = authorName,
        PostedAt = now,
        Delivery = delivery,
    };
}

internal enum MessageKind
{
    Customer = 0,
    Staff = 1,
    InternalNote = 2,
    SystemEmail = 3,

    /// <summary>An automatic reply from the customer's mailbox (out of office): shown quietly, never answered.</summary>
    AutoReply = 4,

    /// <summary>A delivery failure report about one of our emails: the customer's address fails.</summary>
    DeliveryReport = 5,
}

internal enum MessageChannel
{
    /// <summary>Typed by staff, or by the customer in the customer space.</summary>
    App = 0,

    /// <summary>Fetched from the organisation's reply mailbox.</summary>
    Email = 1,
}

internal enum EmailDelivery
{
    None = 0,
    Pending = 1,
    Sent = 2,
    Failed = 3,
}
