namespace CommercialManagement.Contracts.Quote;

/// <summary>
/// The quote of a case changed (a line added, changed or removed). Its first line turns the request into a
/// dossier in « Nouveaux dossiers ». Amounts in euro cents, VAT and tourist tax included.
/// </summary>
public sealed record QuoteChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id (the request's id).</summary>
    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required int LineCount { get; init; }

    public required long TotalCents { get; init; }
}

/// <summary>The quote was emailed to the customer: an exchange, the dossier is in progress.</summary>
public sealed record QuoteSent : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    /// <summary>The quote's number as the customer sees it (e.g. OT-2026-0042).</summary>
    public required string Number { get; init; }

    public required long TotalCents { get; init; }

    /// <summary>The version sent (a sent quote changed becomes a new version). Optional: added with the Quote service.</summary>
    public int? Version { get; init; }

    /// <summary>The last day the customer can accept it (Europe/Paris). Optional: added with the Quote service.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Who the quote is made out to (« Éditer le devis »): the name and address Notification emails it to.</summary>
    public string? CustomerName { get; init; }

    public string? CustomerEmail { get; init; }

    /// <summary>"fr" or "en": the language the customer wrote in.</summary>
    public string? Language { get; init; }
}

/// <summary>The customer accepted the quote online, or staff recorded an acceptance by phone.</summary>
public sealed record QuoteAccepted : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Number { get; init; }

    /// <summary>The accepted total: what « Paiement soldé » is measured against.</summary>
    public required long TotalCents { get; init; }

    /// <summary>"Customer" (online, terms ticked) or "Staff" (by phone).</summary>
    public required string AcceptedBy { get; init; }

    /// <summary>The version accepted. Optional: added with the Quote service.</summary>
    public int? Version { get; init; }
}

/// <summary>A quote can no longer be accepted or paid (the stay changed, or staff withdrew it).</summary>
public sealed record QuoteVoided : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid QuoteId { get; init; }

    public required string Reason { get; init; }

    /// <summary>The quote's number. Optional: added with the customer's notice (issue 13).</summary>
    public string? Number { get; init; }

    /// <summary>The customer had been sent this quote (or an earlier version of it). Optional, as <see cref="Number"/>.</summary>
    public bool? SeenByCustomer { get; init; }

    /// <summary>A new quote is being prepared in its place (the stay changed). Optional, as <see cref="Number"/>.</summary>
    public bool? ReplacedByNewQuote { get; init; }
}
