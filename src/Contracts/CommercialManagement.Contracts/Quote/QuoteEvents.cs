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

    /// <summary>
    /// An amendment of an accepted quote sent (« Envoyer la modification », issue 16): the accepted total it would replace.
    /// Null for a quote sent before its acceptance. Optional: added with amendments.
    /// </summary>
    public long? PreviousTotalCents { get; init; }
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

    /// <summary>
    /// What was accepted, as the customer read it: the invoices are made from it (issue 16). Optional: an acceptance
    /// published before it existed has none, and its case gets no invoice.
    /// </summary>
    public AcceptedQuoteContent? Content { get; init; }

    /// <summary>
    /// An amendment accepted (issue 16): the same quote accepted again in a later version, this being the total of the
    /// version it replaces; <see cref="TotalCents"/> and <see cref="Content"/> are the new version's. Null for a first
    /// acceptance. Optional: added with amendments.
    /// </summary>
    public long? PreviousTotalCents { get; init; }
}

/// <summary>
/// The accepted quote's customer, stay, lines and totals, already computed by Quote (each line's TTC split into HT and VAT
/// once, rounded per line): Payment invoices exactly this and adds no pricing rule. Amounts in euro cents.
/// </summary>
public sealed record AcceptedQuoteContent
{
    public required string CustomerName { get; init; }

    public required IReadOnlyList<string> CustomerAddressLines { get; init; }

    public required string CustomerEmail { get; init; }

    /// <summary>The customer's company registration (SIREN or SIRET), when the customer is a business.</summary>
    public string? CustomerCompanyId { get; init; }

    /// <summary>The customer's intra-community VAT number, when the customer is a business that has one.</summary>
    public string? CustomerVatNumber { get; init; }

    /// <summary>"fr" or "en".</summary>
    public required string Language { get; init; }

    public required DateOnly Arrival { get; init; }

    public required DateOnly Departure { get; init; }

    public required int Adults { get; init; }

    public IReadOnlyList<int> ChildrenAges { get; init; } = [];

    public required IReadOnlyList<AcceptedQuoteLine> Lines { get; init; }

    public required IReadOnlyList<AcceptedVatRate> VatByRate { get; init; }

    public required long NetCents { get; init; }

    public required long VatCents { get; init; }

    public required long GrossCents { get; init; }

    /// <summary>The tourist tax (taxe de séjour), collected for the commune: not subject to VAT, shown apart.</summary>
    public required long TouristTaxCents { get; init; }

    /// <summary>Gross plus tourist tax: the same as the event's <c>TotalCents</c>.</summary>
    public required long TotalCents { get; init; }
}

public sealed record AcceptedQuoteLine
{
    public required string Label { get; init; }

    public string? Description { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public required int Quantity { get; init; }

    public required long UnitPriceInclVatCents { get; init; }

    /// <summary>1000 = 10 %.</summary>
    public required int VatRateBasisPoints { get; init; }

    public required long AmountInclVatCents { get; init; }

    public required long AmountExclVatCents { get; init; }

    public required long VatCents { get; init; }

    /// <summary>The line's tourist tax (adults × nights × rate), 0 when none.</summary>
    public long TouristTaxCents { get; init; }

    /// <summary>
    /// The adults liable to the line's tourist tax (children under 18 are exempt): what the tourist-tax declaration counts
    /// (issue 19). Optional: null in an event written before it existed.
    /// </summary>
    public int? TouristTaxAdults { get; init; }

    /// <summary>The nights the line's tourist tax is counted on. Optional, as <see cref="TouristTaxAdults"/>.</summary>
    public int? TouristTaxNights { get; init; }

    /// <summary>The commune's rate per adult per night, in cents. Optional, as <see cref="TouristTaxAdults"/>.</summary>
    public long? TouristTaxCentsPerAdultNight { get; init; }

    /// <summary>The catalogue product the line was made from; null for a custom line (« Divers »). Optional (issue 19).</summary>
    public Guid? ProductId { get; init; }

    /// <summary>The product's name in the catalogue when the quote was accepted (the label may add a band or dates). Optional (issue 19).</summary>
    public string? ProductName { get; init; }

    /// <summary>
    /// The catalogue's product type: Accommodation, SkiLesson, LiftPass, Rental or Activity; null for a custom line.
    /// Optional (issue 19).
    /// </summary>
    public string? ProductType { get; init; }
}

public sealed record AcceptedVatRate
{
    public required int RateBasisPoints { get; init; }

    public required long NetCents { get; init; }

    public required long VatCents { get; init; }
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
