namespace CommercialManagement.Contracts.Payment;

/// <summary>
/// An invoice or a credit note was issued (numbered, for good): Notification emails it to the customer with its PDF, the
/// dossier page and the customer space list it. Amounts in euro cents.
/// </summary>
public sealed record InvoiceIssued : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case (the request's id).</summary>
    public required Guid RequestId { get; init; }

    public required Guid InvoiceId { get; init; }

    /// <summary>« FA-2026-00042 » or « AV-2026-00003 ».</summary>
    public required string Number { get; init; }

    /// <summary>"Deposit" (facture d'acompte), "Final" or "CreditNote" (avoir).</summary>
    public required string Kind { get; init; }

    public required DateOnly IssueDate { get; init; }

    /// <summary>What the document is worth, tourist tax included (a credit note's is what it credits, positive).</summary>
    public required long AmountCents { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerEmail { get; init; }

    /// <summary>"fr" or "en".</summary>
    public required string Language { get; init; }

    /// <summary>The invoice a credit note corrects.</summary>
    public string? CorrectsNumber { get; init; }
}
