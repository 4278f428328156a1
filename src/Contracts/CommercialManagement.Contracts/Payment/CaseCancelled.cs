namespace CommercialManagement.Contracts.Payment;

/// <summary>
/// « Annuler le dossier » was confirmed: the cancellation terms applied (or an Admin's amount, with its reason), the open
/// payment requests withdrawn, the invoices credited, the refund decided. Dossier archives the dossier with the outcome
/// « Annulé », Quote voids the accepted quote and gives its places back, Notification tells the customer. Amounts in euro
/// cents (issue 16).
/// </summary>
public sealed record CaseCancelled : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case (the request's id).</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The accepted quote cancelled.</summary>
    public required Guid QuoteId { get; init; }

    public required string QuoteNumber { get; init; }

    /// <summary>"Customer" or "Organisation": who asked to cancel.</summary>
    public required string RequestedBy { get; init; }

    public required string Reason { get; init; }

    /// <summary>Days left before the arrival on the day of the cancellation (Europe/Paris); negative after it.</summary>
    public required int DaysBeforeArrival { get; init; }

    /// <summary>What the seller keeps (the terms', or the Admin's).</summary>
    public required long RetainedCents { get; init; }

    /// <summary>What is given back to the customer.</summary>
    public required long RefundCents { get; init; }

    /// <summary>The Admin's reason when the amounts differ from the terms'; none otherwise.</summary>
    public string? OverrideReason { get; init; }

    public required string StaffName { get; init; }

    /// <summary>The customer's language, "fr" or "en", when known.</summary>
    public string? Language { get; init; }
}
