namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// An organisation was created or its details changed: services keep the copy they need (legal details for the
/// quote PDF, deposit and balance rules, email sender). Always the whole current state, so the latest wins.
/// </summary>
public sealed record OrganisationChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Name { get; init; }

    /// <summary>BookingOffice, AccommodationProvider or SkiSchool.</summary>
    public required string Kind { get; init; }

    public required string Address { get; init; }

    public string? Siret { get; init; }

    public string? VatNumber { get; init; }

    public string? TravelOperatorRegistration { get; init; }

    public required string ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public required int DepositPercentage { get; init; }

    public required int BalanceDueDaysBeforeArrival { get; init; }

    public required int QuoteValidityDays { get; init; }

    public required string QuoteNumberPrefix { get; init; }

    public required string TermsOfSale { get; init; }

    public required string EmailSenderName { get; init; }

    public string? EmailReplyTo { get; init; }

    /// <summary>
    /// Whether staff also get their alerts by email (a customer's answer, an acceptance or a payment online); the bell
    /// rings either way. True when absent: an event written before the setting existed keeps the emails on.
    /// </summary>
    public bool AlertsByEmail { get; init; } = true;

    /// <summary>Legal form and share capital, e.g. « SAS au capital de 50 000 € » (a company's invoices name them). Optional (issue 16).</summary>
    public string? LegalForm { get; init; }

    /// <summary>The trade or crafts register and its city, e.g. « RCS Chambéry » (with the SIREN on invoices). Optional (issue 16).</summary>
    public string? TradeRegister { get; init; }

    /// <summary>The late-payment penalties printed on invoices. Optional: the legal minimum's wording when absent.</summary>
    public string? LatePaymentTerms { get; init; }

    /// <summary>
    /// When the final invoice is issued: "Paid" (the dossier paid in full, the default) or "Processed" (when staff mark it
    /// « Commande traitée »). Optional (issue 16).
    /// </summary>
    public string? FinalInvoiceWhen { get; init; }

    /// <summary>
    /// The cancellation terms, shown in the quote's terms and applied by « Annuler le dossier ». Optional: absent or empty,
    /// the defaults (<c>CancellationTerms.Default</c>: more than 30 days, the deposit; 8 to 30 days, 50 %; fewer, 100 %).
    /// </summary>
    public IReadOnlyList<CancellationTier>? CancellationTerms { get; init; }

    /// <summary>What the organisation lets time do: balance requests, reminders, expiries, held stock (issue 17). The defaults when absent.</summary>
    public ScheduleSettings Schedule { get; init; } = new();

    /// <summary>Journal codes and account numbers of the accounting exports (issue 19). Optional: the defaults when absent.</summary>
    public AccountingSettings? Accounting { get; init; }
}
