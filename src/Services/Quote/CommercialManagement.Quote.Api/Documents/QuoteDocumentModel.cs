namespace CommercialManagement.Quote.Api.Documents;

/// <summary>Everything the quote PDF shows, already computed: the renderer adds no business rule.</summary>
internal sealed record QuoteDocumentModel
{
    public DocumentLanguage Language { get; init; } = DocumentLanguage.French;
    public required SellerDetails Seller { get; init; }
    public required QuoteHeader Quote { get; init; }
    public required CustomerDetails Customer { get; init; }
    public required StayDetails Stay { get; init; }
    public required IReadOnlyList<QuoteDocumentLine> Lines { get; init; }
    public required IReadOnlyList<VatBreakdownRow> VatBreakdown { get; init; }
    public required QuoteTotals Totals { get; init; }
    public TouristTaxLine? TouristTax { get; init; }
    public required DepositInstalment Deposit { get; init; }
    /// <summary>None when the whole amount is asked at once (arrival inside the balance window).</summary>
    public BalanceInstalment? Balance { get; init; }
}

internal enum DocumentLanguage
{
    French,
    English,
}

internal enum QuoteDocumentState
{
    Draft,
    Sent,
    Accepted,
    Voided,
}

internal sealed record SellerDetails
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> AddressLines { get; init; }
    public required string Siret { get; init; }
    public string? VatNumber { get; init; }
    /// <summary>Atout France registration (IM…), which only travel operators have.</summary>
    public string? TravelOperatorRegistration { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public required string TermsOfSale { get; init; }
}

internal sealed record QuoteHeader
{
    public required string Number { get; init; }
    public required int Version { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly ValidUntil { get; init; }
    public required QuoteDocumentState State { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public string? VoidReason { get; init; }
}

internal sealed record CustomerDetails
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> AddressLines { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

internal sealed record StayDetails
{
    public required DateOnly Arrival { get; init; }
    public required DateOnly Departure { get; init; }
    public required int Nights { get; init; }
    public required int Adults { get; init; }
    public IReadOnlyList<int> ChildrenAges { get; init; } = [];
}

internal sealed record QuoteDocumentLine
{
    public required string Label { get; init; }
    public string? Description { get; init; }
    /// <summary>The price breakdown shown under the label, e.g. « 7 nuits × 120,00 € ».</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public required int Quantity { get; init; }
    public required long UnitPriceInclVatCents { get; init; }
    /// <summary>1000 = 10 %.</summary>
    public required int VatRateBasisPoints { get; init; }
    public required long AmountInclVatCents { get; init; }
}

internal sealed record VatBreakdownRow
{
    public required int RateBasisPoints { get; init; }
    public required long BaseExclVatCents { get; init; }
    public required long VatCents { get; init; }
}

internal sealed record QuoteTotals
{
    public required long ExclVatCents { get; init; }
    public required long VatCents { get; init; }
    public required long InclVatCents { get; init; }
    /// <summary>Total including VAT plus the tourist tax: what the customer pays.</summary>
    public required long GrandTotalCents { get; init; }
}

internal sealed record TouristTaxLine
{
    public required int Adults { get; init; }
    public required int Nights { get; init; }
    public required long RatePerAdultPerNightCents { get; init; }
    public required long AmountCents { get; init; }
}

internal sealed record DepositInstalment
{
    public required long AmountCents { get; init; }
    /// <summary>None means « à la signature ».</summary>
    public DateOnly? DueDate { get; init; }
}

internal sealed record BalanceInstalment
{
    public required long AmountCents { get; init; }
    public required DateOnly DueDate { get; init; }
}
