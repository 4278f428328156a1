namespace CommercialManagement.Documents;

/// <summary>One rate of the VAT breakdown (<see cref="TotalsSection"/>).</summary>
public sealed record VatBreakdownRow
{
    /// <summary>1000 = 10 %.</summary>
    public required int RateBasisPoints { get; init; }
    /// <summary>The amount excluding VAT taxed at this rate.</summary>
    public required long BaseExclVatCents { get; init; }
    /// <summary>The VAT at this rate.</summary>
    public required long VatCents { get; init; }
}

/// <summary>The totals column (<see cref="TotalsSection"/>), in cents, already computed.</summary>
public sealed record DocumentTotals
{
    /// <summary>« Total HT ».</summary>
    public required long ExclVatCents { get; init; }
    /// <summary>« Total TVA ».</summary>
    public required long VatCents { get; init; }
    /// <summary>« Total TTC ».</summary>
    public required long InclVatCents { get; init; }
    /// <summary>Total including VAT plus the tourist tax and the adjustments: what the customer pays.</summary>
    public required long GrandTotalCents { get; init; }
    /// <summary>
    /// Rows after the tourist tax and before the amount to pay, e.g. « Acompte versé le 2 décembre 2026 » with a negative
    /// amount on a balance invoice. None on a quote.
    /// </summary>
    public IReadOnlyList<TotalsAdjustment> Adjustments { get; init; } = [];
    /// <summary>The label of the amount to pay, when not « Net à payer » (« Reste à payer », « Montant de l'avoir »).</summary>
    public string? GrandTotalLabel { get; init; }
}

/// <summary>A row of the totals column that the kit does not know by name.</summary>
/// <param name="Label">What the row is.</param>
/// <param name="AmountCents">Its amount, negative for a deduction.</param>
/// <param name="Note">A small line under the label, fitted to one line.</param>
public sealed record TotalsAdjustment(string Label, long AmountCents, string? Note = null);

/// <summary>The tourist tax, outside the VAT: shown as « 2 adultes × 7 nuits × 1,65 € · hors TVA ».</summary>
public sealed record TouristTaxLine
{
    /// <summary>The adults who pay it.</summary>
    public required int Adults { get; init; }
    /// <summary>The nights it is paid for.</summary>
    public required int Nights { get; init; }
    /// <summary>The rate per adult and per night.</summary>
    public required long RatePerAdultPerNightCents { get; init; }
    /// <summary>The tax.</summary>
    public required long AmountCents { get; init; }
}
