using PdfSharp.Drawing;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>
/// The summary under the lines, kept on one page: the VAT breakdown and the payment schedule on the left,
/// the totals down to the amount to pay on the right.
/// </summary>
internal static class TotalsSection
{
    public const double LeftWidth = 252;
    public const double TotalsWidth = 247;
    public const double TotalsLeft = DocumentStyle.Right - TotalsWidth;
    private const double Pad = 6;
    private const double RowHeight = 16;
    private const double GrandTotalHeight = 24;

    public static void Draw(PageFlow flow, RenderContext context)
    {
        var rows = TotalRows(context);
        var vatHeight = 14 + RowHeight * (context.Model.VatBreakdown.Count + 1);
        var leftHeight = vatHeight + 14 + ScheduleSection.Height(flow.Graphics, context);
        var totalsHeight = 14 + rows.Sum(r => r.Height) + 6 + GrandTotalHeight;
        var height = Math.Max(leftHeight, totalsHeight);
        flow.EnsureRoom(height + 10);
        var top = flow.Y;
        DrawVatBreakdown(flow.Graphics, context, top);
        ScheduleSection.Draw(flow.Graphics, context, top + vatHeight + 14);
        DrawTotals(flow.Graphics, context, rows, top);
        flow.Y = top + height + 22;
    }

    private static void DrawVatBreakdown(XGraphics graphics, RenderContext context, double top)
    {
        var (style, text, format) = (context.Style, context.Text, context.Format);
        PartiesPanel.Caption(graphics, context, text.VatBreakdown, DocumentStyle.Left, top + 8);
        var y = top + 14;
        const double rateRight = DocumentStyle.Left + 56;
        const double baseRight = DocumentStyle.Left + 160;
        const double vatRight = DocumentStyle.Left + LeftWidth - Pad;
        graphics.DrawRectangle(style.AccentPale, DocumentStyle.Left, y, LeftWidth, RowHeight);
        var baseline = y + 11;
        Right(graphics, text.Rate, style.BodyBold, style.Accent, rateRight, baseline);
        Right(graphics, text.BaseExclVat, style.BodyBold, style.Accent, baseRight, baseline);
        Right(graphics, text.Vat, style.BodyBold, style.Accent, vatRight, baseline);
        foreach (var row in context.Model.VatBreakdown)
        {
            y += RowHeight;
            baseline = y + 11.5;
            Right(graphics, format.Rate(row.RateBasisPoints), style.Body, style.Ink, rateRight, baseline);
            Right(graphics, format.Money(row.BaseExclVatCents), style.Body, style.Ink, baseRight, baseline);
            Right(graphics, format.Money(row.VatCents), style.Body, style.Ink, vatRight, baseline);
            graphics.DrawLine(style.Rule, DocumentStyle.Left, y + RowHeight, DocumentStyle.Left + LeftWidth, y + RowHeight);
        }
    }

    private static void DrawTotals(XGraphics graphics, RenderContext context, List<TotalRow> rows, double top)
    {
        var style = context.Style;
        PartiesPanel.Caption(graphics, context, context.Text.Totals, TotalsLeft, top + 8);
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

            Right(graphics, row.Amount, font, style.Ink, DocumentStyle.Right - Pad, baseline);
            y += row.Height;
            graphics.DrawLine(style.Rule, TotalsLeft, y, DocumentStyle.Right, y);
        }

        y += 6;
        graphics.DrawRectangle(style.Accent, TotalsLeft, y, TotalsWidth, GrandTotalHeight);
        var amount = context.Format.Money(context.Model.Totals.GrandTotalCents);
        graphics.DrawString(context.Text.GrandTotal, style.Total, style.White, TotalsLeft + Pad + 2, y + 16);
        Right(graphics, amount, style.Total, style.White, DocumentStyle.Right - Pad - 2, y + 16);
    }

    private static List<TotalRow> TotalRows(RenderContext context)
    {
        var (text, format, totals) = (context.Text, context.Format, context.Model.Totals);
        var rows = new List<TotalRow>
        {
            new(text.TotalExclVat, format.Money(totals.ExclVatCents)),
            new(text.TotalVat, format.Money(totals.VatCents)),
            new(text.TotalInclVat, format.Money(totals.InclVatCents), Strong: true),
        };
        if (context.Model.TouristTax is { } tax)
        {
            var adults = $"{tax.Adults} {(tax.Adults > 1 ? text.Adults : text.Adult)}";
            var nights = $"{tax.Nights} {(tax.Nights > 1 ? text.Nights : text.Night)}";
            var rule = $"{adults} × {nights} × {format.Money(tax.RatePerAdultPerNightCents)} · {text.TouristTaxNote}";
            rows.Add(new TotalRow(text.TouristTax, format.Money(tax.AmountCents), Note: rule));
        }

        return rows;
    }

    private static void Right(XGraphics graphics, string value, XFont font, XBrush brush, double right, double baseline) =>
        graphics.DrawString(value, font, brush, right - TextLayout.Width(graphics, value, font), baseline);

    private sealed record TotalRow(string Label, string Amount, bool Strong = false, string? Note = null)
    {
        public double Height => Note is null ? RowHeight : RowHeight + 10.5;
    }
}
