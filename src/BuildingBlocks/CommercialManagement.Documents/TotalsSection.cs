using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>
/// The summary under the lines, kept on one page: the VAT breakdown on the left, with the document's own block under it
/// (a quote's payment schedule), and the totals down to the amount to pay on the right.
/// </summary>
public static class TotalsSection
{
    /// <summary>The width of the left column, from <see cref="DocumentStyle.Left"/>: the VAT breakdown and the block under it.</summary>
    public const double LeftWidth = 252;
    /// <summary>The width of the totals column, which ends at <see cref="DocumentStyle.Right"/>.</summary>
    public const double TotalsWidth = 247;
    /// <summary>The left edge of the totals column.</summary>
    public const double TotalsLeft = DocumentStyle.Right - TotalsWidth;
    private const double Pad = 6;
    private const double RowHeight = 16;
    private const double GrandTotalHeight = 24;

    /// <summary>Draws the summary at the writing position, on the next page if it does not fit, and moves the position below it.</summary>
    /// <param name="flow">The pages.</param>
    /// <param name="context">The document's words, formats and style.</param>
    /// <param name="totals">The totals column.</param>
    /// <param name="vatBreakdown">One row per VAT rate.</param>
    /// <param name="touristTax">The tourist tax's row with its rule, after « Total TTC »; none when no tax is due.</param>
    /// <param name="underVatBreakdown">A block drawn 14 points under the VAT breakdown, <see cref="LeftWidth"/> wide.</param>
    public static void Draw(
        PageFlow flow, DocumentContext context, DocumentTotals totals, IReadOnlyList<VatBreakdownRow> vatBreakdown,
        TouristTaxLine? touristTax, ColumnBlock? underVatBreakdown = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(vatBreakdown);
        var rows = TotalRows(context, totals, touristTax);
        var vatHeight = 14 + RowHeight * (vatBreakdown.Count + 1);
        var leftHeight = underVatBreakdown is { } block ? vatHeight + 14 + block.Height : vatHeight;
        var totalsHeight = 14 + rows.Sum(r => r.Height) + 6 + GrandTotalHeight;
        var height = Math.Max(leftHeight, totalsHeight);
        flow.EnsureRoom(height + 10);
        var top = flow.Y;
        DrawVatBreakdown(flow.Graphics, context, vatBreakdown, top);
        underVatBreakdown?.Draw(flow.Graphics, top + vatHeight + 14);
        DrawTotals(flow.Graphics, context, totals, rows, top);
        flow.Y = top + height + 22;
    }

    private static void DrawVatBreakdown(XGraphics graphics, DocumentContext context, IReadOnlyList<VatBreakdownRow> vatBreakdown, double top)
    {
        var (style, text, format) = (context.Style, context.Text, context.Format);
        style.DrawCaption(graphics, text.VatBreakdown, DocumentStyle.Left, top + 8);
        var y = top + 14;
        const double rateRight = DocumentStyle.Left + 56;
        const double baseRight = DocumentStyle.Left + 160;
        const double vatRight = DocumentStyle.Left + LeftWidth - Pad;
        graphics.DrawRectangle(style.AccentPale, DocumentStyle.Left, y, LeftWidth, RowHeight);
        var baseline = y + 11;
        TextLayout.DrawRight(graphics, text.Rate, style.BodyBold, style.Accent, rateRight, baseline);
        TextLayout.DrawRight(graphics, text.BaseExclVat, style.BodyBold, style.Accent, baseRight, baseline);
        TextLayout.DrawRight(graphics, text.Vat, style.BodyBold, style.Accent, vatRight, baseline);
        foreach (var row in vatBreakdown)
        {
            y += RowHeight;
            baseline = y + 11.5;
            TextLayout.DrawRight(graphics, format.Rate(row.RateBasisPoints), style.Body, style.Ink, rateRight, baseline);
            TextLayout.DrawRight(graphics, format.Money(row.BaseExclVatCents), style.Body, style.Ink, baseRight, baseline);
            TextLayout.DrawRight(graphics, format.Money(row.VatCents), style.Body, style.Ink, vatRight, baseline);
            graphics.DrawLine(style.Rule, DocumentStyle.Left, y + RowHeight, DocumentStyle.Left + LeftWidth, y + RowHeight);
        }
    }

    private static void DrawTotals(XGraphics graphics, DocumentContext context, DocumentTotals totals, List<TotalRow> rows, double top)
    {
        var style = context.Style;
        style.DrawCaption(graphics, context.Text.Totals, TotalsLeft, top + 8);
        var y = top + 14;
        graphics.DrawLine(style.Rule, TotalsLeft, y, DocumentStyle.Right, y);
        foreach (var row in rows)
        {
            var font = row.Strong ? style.BodyBold : style.Body;
            var baseline = y + 11.5;
            graphics.DrawString(row.Label, font, row.Strong ? style.Ink : style.Muted, TotalsLeft + Pad, baseline);
            if (row.Note is { } note)
            {
                var fitted = TextLayout.Fit(graphics, note, style.Small, TotalsWidth - 2 * Pad);
                graphics.DrawString(fitted, style.Small, style.Muted, TotalsLeft + Pad, baseline + 10.5);
            }

            TextLayout.DrawRight(graphics, row.Amount, font, style.Ink, DocumentStyle.Right - Pad, baseline);
            y += row.Height;
            graphics.DrawLine(style.Rule, TotalsLeft, y, DocumentStyle.Right, y);
        }

        y += 6;
        graphics.DrawRectangle(style.Accent, TotalsLeft, y, TotalsWidth, GrandTotalHeight);
        var amount = context.Format.Money(totals.GrandTotalCents);
        graphics.DrawString(totals.GrandTotalLabel ?? context.Text.GrandTotal, style.Total, style.White, TotalsLeft + Pad + 2, y + 16);
        TextLayout.DrawRight(graphics, amount, style.Total, style.White, DocumentStyle.Right - Pad - 2, y + 16);
    }

    private static List<TotalRow> TotalRows(DocumentContext context, DocumentTotals totals, TouristTaxLine? touristTax)
    {
        var (text, format) = (context.Text, context.Format);
        var rows = new List<TotalRow>
        {
            new(text.TotalExclVat, format.Money(totals.ExclVatCents)),
            new(text.TotalVat, format.Money(totals.VatCents)),
            new(text.TotalInclVat, format.Money(totals.InclVatCents), Strong: true),
        };
        if (touristTax is { } tax)
        {
            var adults = $"{tax.Adults} {(tax.Adults > 1 ? text.Adults : text.Adult)}";
            var nights = $"{tax.Nights} {(tax.Nights > 1 ? text.Nights : text.Night)}";
            var rule = $"{adults} × {nights} × {format.Money(tax.RatePerAdultPerNightCents)} · {text.TouristTaxNote}";
            rows.Add(new TotalRow(text.TouristTax, format.Money(tax.AmountCents), Note: rule));
        }

        rows.AddRange(totals.Adjustments.Select(a => new TotalRow(a.Label, format.Money(a.AmountCents), Note: a.Note)));

        return rows;
    }

    private sealed record TotalRow(string Label, string Amount, bool Strong = false, string? Note = null)
    {
        public double Height => Note is null ? RowHeight : RowHeight + 10.5;
    }
}

/// <summary>A document's own block under the VAT breakdown (a quote's payment schedule).</summary>
/// <param name="Height">Its height, measured before anything is drawn, so that the summary stays on one page.</param>
/// <param name="Draw">Draws it, given the page's graphics and the block's top.</param>
public sealed record ColumnBlock(double Height, Action<XGraphics, double> Draw);
