using CommercialManagement.Documents;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>Everything the quote PDF shows, already computed: the renderer adds no business rule.</summary>
internal sealed record QuoteDocumentModel
{
    public DocumentLanguage Language { get; init; } = DocumentLanguage.French;
    public required SellerDetails Seller { get; init; }
    public required QuoteHeader Quote { get; init; }
    public required CustomerDetails Customer { get; init; }
    public required StayDetails Stay { get; init; }
    public required IReadOnlyList<DocumentLine> Lines { get; init; }
    public required IReadOnlyList<VatBreakdownRow> VatBreakdown { get; init; }
    public required DocumentTotals Totals { get; init; }
    public TouristTaxLine? TouristTax { get; init; }
    public required DepositInstalment Deposit { get; init; }
    /// <summary>None when the whole amount is asked at once (arrival inside the balance window).</summary>
    public BalanceInstalment? Balance { get; init; }
    /// <summary>The cancellation terms as the customer reads them, one sentence a tier, before the terms of sale; none: no block.</summary>
    public IReadOnlyList<string> CancellationTerms { get; init; } = [];
}

internal enum QuoteDocumentState
{
    Draft,
    Sent,
    Accepted,
    Voided,
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

/// <summary>A quote's rendering: its model, the kit's context, and the words of the quote's own sections.</summary>
internal sealed record RenderContext(QuoteDocumentModel Model, DocumentContext Document, QuoteText Text)
{
    public DocumentStyle Style => Document.Style;

    public DocumentFormat Format => Document.Format;
}
