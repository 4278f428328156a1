namespace CommercialManagement.Contracts.Inbox;

/// <summary>
/// An organisation's reply mailbox was set up, changed or switched off in « Paramètres » (issue 18). While it is on,
/// every email about a case carries a Reply-To of <see cref="ReplyAddress"/> with the case's reply token as its
/// plus-tag (<c>reponses+{token}@…</c>); when it is off (null), emails carry the organisation's usual reply address.
/// The mailbox's credentials never leave Inbox.
/// </summary>
public sealed record ReplyMailboxChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The address replies go to, without a tag (<c>reponses@mon-domaine.fr</c>); null while the mailbox is off.</summary>
    public string? ReplyAddress { get; init; }
}
