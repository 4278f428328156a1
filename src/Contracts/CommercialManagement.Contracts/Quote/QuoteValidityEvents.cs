namespace CommercialManagement.Contracts.Quote;

/// <summary>
/// A sent quote's validity date passed (issue 17, the <c>quote-expiry</c> job, the night after that date): it is
/// « Expirée », no longer acceptable, and its places are given back. The dossier's history says « Devis expiré »;
/// Notification tells the customer why and how to ask again when <see cref="EmailCustomer"/> is true.
/// </summary>
public sealed record QuoteExpired : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id (the request's id).</summary>
    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Number { get; init; }

    /// <summary>Its last valid day (Europe/Paris).</summary>
    public required DateOnly ValidUntil { get; init; }

    /// <summary>The organisation lets the customer be told (« Prévenir le client quand son devis expire ») and the quote has an email.</summary>
    public required bool EmailCustomer { get; init; }

    public string? CustomerName { get; init; }

    public string? CustomerEmail { get; init; }

    /// <summary>"fr" or "en": the language the customer wrote in.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Staff extended a sent or expired quote's validity (« Prolonger la validité »): acceptable until <see cref="ValidUntil"/>;
/// an expired one is sent again (<see cref="WasExpired"/>) with its places held again.
/// </summary>
public sealed record QuoteValidityExtended : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Number { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public DateOnly? PreviousValidUntil { get; init; }

    public required bool WasExpired { get; init; }

    /// <summary>Who extended it (the staff member's name).</summary>
    public required string StaffName { get; init; }
}

/// <summary>
/// The follow-up before a sent quote expires (issue 17, <c>quote-follow-up</c>, J-2 at 9:00 Paris time by default): the
/// customer has neither opened nor answered it. Notification emails the customer; the dossier's history says so. Published
/// once per quote and validity date.
/// </summary>
public sealed record QuoteFollowUpDue : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Number { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public string? CustomerName { get; init; }

    public string? CustomerEmail { get; init; }

    public string? Language { get; init; }
}

/// <summary>
/// A draft never sent gave back the places it held after the organisation's days (issue 17, <c>draft-hold-release</c>):
/// the draft stays, and holds them again when it is sent (or says why not).
/// </summary>
public sealed record QuoteDraftPlacesReleased : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Number { get; init; }

    /// <summary>How many days a draft keeps its places in this organisation.</summary>
    public required int DraftHoldDays { get; init; }
}
