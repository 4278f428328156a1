namespace CommercialManagement.Documents;

/// <summary>One row of the lines table (<see cref="LinesTable"/>): amounts include VAT, in cents.</summary>
public sealed record DocumentLine
{
    /// <summary>What is sold, in bold.</summary>
    public required string Label { get; init; }
    /// <summary>A longer description under the label.</summary>
    public string? Description { get; init; }
    /// <summary>The price breakdown shown under the label, e.g. « 7 nuits × 120,00 € ».</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
    /// <summary>The first day of the service, shown under the label.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>The last day of the service.</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>The quantity.</summary>
    public required int Quantity { get; init; }
    /// <summary>The unit price, VAT included.</summary>
    public required long UnitPriceInclVatCents { get; init; }
    /// <summary>1000 = 10 %.</summary>
    public required int VatRateBasisPoints { get; init; }
    /// <summary>The line's amount, VAT included (negative on a credit note).</summary>
    public required long AmountInclVatCents { get; init; }
    /// <summary>The unit price excluding VAT, for a table priced so (<see cref="LinePricing.ExclVat"/>); required there.</summary>
    public long? UnitPriceExclVatCents { get; init; }
    /// <summary>The line's amount excluding VAT, for a table priced so; required there.</summary>
    public long? AmountExclVatCents { get; init; }
}

/// <summary>Which prices the lines table shows: a quote's VAT included, an invoice's excluding VAT (the VAT by rate in the totals).</summary>
public enum LinePricing
{
    /// <summary>« P.U. TTC » and « Montant TTC ».</summary>
    InclVat,

    /// <summary>« P.U. HT » and « Montant HT », as French invoices set them out.</summary>
    ExclVat,
}
