namespace CommercialManagement.Contracts.Inbox;

/// <summary>
/// A staff member replied to the customer in the conversation (internal notes are never published). Notification
/// emails the reply with the link to the customer space; Dossier moves the case along and keeps it in its history.
/// </summary>
public sealed record StaffMessagePosted : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The conversation message, so that the email's delivery can be shown on it.</summary>
    public required Guid MessageId { get; init; }

    public required Guid StaffId { get; init; }

    public required string StaffName { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerEmail { get; init; }

    /// <summary>Two-letter language of the customer ("fr", "en").</summary>
    public required string Language { get; init; }

    public required string Body { get; init; }

    /// <summary>The secret part of the customer space's address (<c>/espace/{token}</c>) at the time of the reply.</summary>
    public required string CustomerSpaceToken { get; init; }

    /// <summary>
    /// The Message-ID (without angle brackets) of the customer's latest email in this conversation, when they wrote by
    /// email: the reply is sent In-Reply-To it, so that the customer's mail client threads it.
    /// </summary>
    public string? InReplyToEmail { get; init; }
}

/// <summary>The customer answered, from the customer space or by email: the conversation is unread again.</summary>
public sealed record CustomerMessagePosted : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid MessageId { get; init; }

    public required string CustomerName { get; init; }

    /// <summary>Who the case is assigned to: the alert goes to them, or to the organisation's address when nobody.</summary>
    public Guid? AssigneeId { get; init; }
}

/// <summary>A staff member opened the conversation: the customer's messages are read.</summary>
public sealed record ConversationRead : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid StaffId { get; init; }
}

/// <summary>A staff member marked the conversation unread again, to come back to it.</summary>
public sealed record ConversationMarkedUnread : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid StaffId { get; init; }
}

/// <summary>A request was assigned to a staff member, or to nobody: the dossier's card shows who follows it.</summary>
public sealed record RequestAssigned : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public Guid? AssigneeId { get; init; }

    public string? AssigneeName { get; init; }
}

/// <summary>
/// Staff renewed the customer space's link: the old token stopped working. Whoever emails the customer a link
/// (Notification) keeps the new token; the secret travels only to services that write to the customer.
/// </summary>
public sealed record CustomerSpaceLinkRenewed : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The secret part of the customer space's new address (<c>/espace/{token}</c>).</summary>
    public required string CustomerSpaceToken { get; init; }
}

/// <summary>
/// A request's conversation or stay changed in Inbox because of another service's event (an email's delivery recorded,
/// the acknowledgement added, the dossier's new stay), committed. Open pages of the back office reload on it (the
/// gateway's live changes); no service keeps state from it.
/// </summary>
public sealed record ConversationChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }
}
