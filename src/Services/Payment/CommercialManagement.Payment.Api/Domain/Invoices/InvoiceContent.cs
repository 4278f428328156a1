namespace CommercialManagement.Payment.Api.Domain.Invoices;

/// <summary>
/// Everything an issued invoice or credit note says, frozen when it is issued (the seller's identity of that day, the
/// customer, the lines and their VAT, what is deducted and what was paid): the PDF is rendered from it, so an issued
/// document never changes. Amounts in euro cents.
/// </summary>
internal sealed record InvoiceContent
{
    public required InvoiceSeller Seller { get; init; }

    public required InvoiceCustomer Customer { get; init; }

    /// <summary>"fr" or "en".</summary>
    public required string Language { get; init; }

    /// <summary>The accepted quote the document is made from.</summary>
    public required string QuoteNumber { get; init; }

    /// <summary>The date of the service: the stay.</summary>
    public required DateOnly Arrival { get; init; }

    public required DateOnly Departure { get; init; }

    public int Adults { get; init; }

    public IReadOnlyList<int> ChildrenAges { get; init; } = [];

    public required IReadOnlyList<InvoiceLine> Lines { get; init; }

    public required IReadOnlyList<InvoiceVatRate> VatByRate { get; init; }

    public required long NetCents { get; init; }

    public required long VatCents { get; init; }

    public required long GrossCents { get; init; }

    /// <summary>The tourist tax, collected for the commune: not subject to VAT, shown apart.</summary>
    public required long TouristTaxCents { get; init; }

    /// <summary>Gross plus tourist tax.</summary>
    public required long TotalCents { get; init; }

    /// <summary>The deposit invoices a final invoice deducts.</summary>
    public IReadOnlyList<InvoiceReference> Deducted { get; init; } = [];

    /// <summary>The payments this document acknowledges (a deposit's, or all of a final invoice's).</summary>
    public IReadOnlyList<InvoicePayment> Payments { get; init; } = [];

    /// <summary>What is left to pay on this document: its total less the deposits deducted and the payments acknowledged.</summary>
    public required long DueCents { get; init; }

    /// <summary>The invoice a credit note corrects.</summary>
    public InvoiceReference? Corrects { get; init; }

    /// <summary>Why a credit note was issued (« Annulation du séjour », « Geste commercial »).</summary>
    public string? Reason { get; init; }
}

internal sealed record InvoiceSeller
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> AddressLines { get; init; }

    public string? Siret { get; init; }

    public string? VatNumber { get; init; }

    public string? LegalForm { get; init; }

    public string? TradeRegister { get; init; }

    public string? TravelOperatorRegistration { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public required string LatePaymentTerms { get; init; }
}

internal sealed record InvoiceCustomer
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> AddressLines { get; init; }

    public required string Email { get; init; }

    public string? CompanyId { get; init; }

    public string? VatNumber { get; init; }

    /// <summary>
    /// The customer's auxiliary account in the journals (« C » and 8 characters of the hash of the email, never the email):
    /// written by an erasure before the email goes, so that a past period exported again keeps this customer apart. Null
    /// until then: the journals compute it from <see cref="Email"/>.
    /// </summary>
    public string? Account { get; init; }

    /// <summary>A business customer: the invoice carries the €40 recovery indemnity and the customer's identifiers.</summary>
    public bool IsBusiness => CompanyId is not null || VatNumber is not null;
}

internal sealed record InvoiceLine
{
    public required string Label { get; init; }

    public string? Description { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public required int Quantity { get; init; }

    /// <summary>The unit price excluding VAT, rounded to the cent (the line's amounts are the exact split of its TTC).</summary>
    public required long UnitPriceExclVatCents { get; init; }

    /// <summary>1000 = 10 %.</summary>
    public required int VatRateBasisPoints { get; init; }

    public required long AmountExclVatCents { get; init; }

    public required long VatCents { get; init; }

    public required long AmountInclVatCents { get; init; }
}

internal sealed record InvoiceVatRate
{
    public required int RateBasisPoints { get; init; }

    public required long NetCents { get; init; }

    public required long VatCents { get; init; }
}

/// <summary>Another document named by this one: a deposit invoice deducted, or the invoice a credit note corrects.</summary>
internal sealed record InvoiceReference
{
    public required string Number { get; init; }

    public required DateOnly IssueDate { get; init; }

    public required long AmountCents { get; init; }
}

internal sealed record InvoicePayment
{
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The French name of the means (« Carte bancaire », « Virement »…).</summary>
    public required string Method { get; init; }

    public required long AmountCents { get; init; }
}
