using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>
/// The services, one row each, with the header drawn again at the top of every page the table reaches; a row
/// taller than a page continues on the next one.
/// </summary>
public static class LinesTable
{
    private const double Pad = 6;
    private const double HeaderHeight = 20;
    private const double QuantityWidth = 36;
    private const double UnitPriceWidth = 74;
    private const double VatWidth = 44;
    private const double AmountWidth = 82;
    /// <summary>The width of the first column, where the labels wrap.</summary>
    public const double DesignationWidth = DocumentStyle.ContentWidth - QuantityWidth - UnitPriceWidth - VatWidth - AmountWidth;
    private const double QuantityRight = DocumentStyle.Left + DesignationWidth + QuantityWidth - Pad;
    private const double UnitPriceRight = QuantityRight + UnitPriceWidth;
    private const double VatRight = UnitPriceRight + VatWidth;
    private const double AmountRight = DocumentStyle.Right - Pad;

    /// <summary>
    /// Draws the caption « Prestations » and the table at the writing position, across pages if it must; prices VAT included
    /// unless <paramref name="pricing"/> says otherwise.
    /// </summary>
    public static void Draw(PageFlow flow, DocumentContext context, IReadOnlyList<DocumentLine> lines, LinePricing pricing = LinePricing.InclVat)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lines);
        if (pricing == LinePricing.ExclVat && lines.Any(l => l.UnitPriceExclVatCents is null || l.AmountExclVatCents is null))
        {
            throw new ArgumentException("A table priced excluding VAT needs every line's prices excluding VAT.", nameof(lines));
        }

        flow.EnsureRoom(24 + HeaderHeight + 40);
        context.Style.DrawCaption(flow.Graphics, context.Text.Services, DocumentStyle.Left, flow.Y + 8);
        flow.Y += 14;
        DrawHeader(flow, context, pricing);
        foreach (var line in lines)
        {
            DrawRow(flow, context, line, pricing);
        }

        flow.Y += 14;
    }

    private static void DrawHeader(PageFlow flow, DocumentContext context, LinePricing pricing)
    {
        var (graphics, style, text) = (flow.Graphics, context.Style, context.Text);
        var top = flow.Y;
        graphics.DrawRectangle(style.Accent, DocumentStyle.Left, top, DocumentStyle.ContentWidth, HeaderHeight);
        var baseline = top + 13.3;
        graphics.DrawString(text.Designation, style.BodyBold, style.White, DocumentStyle.Left + Pad, baseline);
        TextLayout.DrawRight(graphics, text.Quantity, style.BodyBold, style.White, QuantityRight, baseline);
        TextLayout.DrawRight(graphics, pricing == LinePricing.ExclVat ? text.UnitPriceExclVat : text.UnitPrice, style.BodyBold, style.White, UnitPriceRight, baseline);
        TextLayout.DrawRight(graphics, text.VatRate, style.BodyBold, style.White, VatRight, baseline);
        TextLayout.DrawRight(graphics, pricing == LinePricing.ExclVat ? text.AmountExclVat : text.Amount, style.BodyBold, style.White, AmountRight, baseline);
        flow.Y = top + HeaderHeight;
    }

    private static void DrawRow(PageFlow flow, DocumentContext context, DocumentLine line, LinePricing pricing)
    {
        var pieces = Pieces(flow.Graphics, context, line);
        var height = Pad + pieces.Sum(p => p.Height) + Pad;
        var firstPieceHeight = Pad + pieces[0].Height + Pad;
        var fitsOnAFreshPage = height <= flow.FreshPageRoom - HeaderHeight;
        if (!flow.Fits(height) && (fitsOnAFreshPage || !flow.Fits(firstPieceHeight)))
        {
            ContinueOnNextPage(flow, context, pricing);
        }

        var style = context.Style;
        var y = flow.Y + Pad;
        double? firstBaseline = null;
        var numbersDrawn = false;
        foreach (var piece in pieces)
        {
            if (y + piece.Height + Pad > flow.Bottom)
            {
                if (firstBaseline is { } at && !numbersDrawn)
                {
                    DrawNumbers(flow.Graphics, context, line, at, pricing);
                    numbersDrawn = true;
                }

                ContinueOnNextPage(flow, context, pricing);
                y = flow.Y + Pad;
            }

            var baseline = y + piece.Height - 3.2;
            firstBaseline ??= baseline;
            flow.Graphics.DrawString(piece.Text, piece.Font, piece.Brush, DocumentStyle.Left + Pad + piece.Indent, baseline);
            y += piece.Height;
        }

        if (!numbersDrawn && firstBaseline is { } first)
        {
            DrawNumbers(flow.Graphics, context, line, first, pricing);
        }

        flow.Y = y + Pad;
        flow.Graphics.DrawLine(style.Rule, DocumentStyle.Left, flow.Y, DocumentStyle.Right, flow.Y);
    }

    /// <summary>Drawn after the label's lines, so that a reader extracts the label in one piece.</summary>
    private static void DrawNumbers(XGraphics graphics, DocumentContext context, DocumentLine line, double at, LinePricing pricing)
    {
        var (style, format) = (context.Style, context.Format);
        var (unit, amount) = pricing == LinePricing.ExclVat
            ? (line.UnitPriceExclVatCents!.Value, line.AmountExclVatCents!.Value)
            : (line.UnitPriceInclVatCents, line.AmountInclVatCents);
        TextLayout.DrawRight(graphics, format.Count(line.Quantity), style.Body, style.Ink, QuantityRight, at);
        TextLayout.DrawRight(graphics, format.Money(unit), style.Body, style.Ink, UnitPriceRight, at);
        TextLayout.DrawRight(graphics, format.Rate(line.VatRateBasisPoints), style.Body, style.Muted, VatRight, at);
        TextLayout.DrawRight(graphics, format.Money(amount), style.BodyBold, style.Ink, AmountRight, at);
    }

    private static void ContinueOnNextPage(PageFlow flow, DocumentContext context, LinePricing pricing)
    {
        flow.NewPage();
        DrawHeader(flow, context, pricing);
    }

    private static List<Piece> Pieces(XGraphics graphics, DocumentContext context, DocumentLine line)
    {
        var style = context.Style;
        const double width = DesignationWidth - 2 * Pad;
        var pieces = TextLayout.Wrap(graphics, line.Label, style.LineLabel, width)
            .Select(t => new Piece(t, style.LineLabel, style.Ink, 0, 12)).ToList();
        var dates = context.Format.DateRange(line.StartDate, line.EndDate);
        pieces.AddRange(TextLayout.Wrap(graphics, dates, style.Small, width)
            .Select(t => new Piece(t, style.Small, style.Accent, 0, 10.5)));
        pieces.AddRange(TextLayout.Wrap(graphics, line.Description, style.Small, width)
            .Select(t => new Piece(t, style.Small, style.Muted, 0, 10.5)));
        foreach (var detail in line.Details)
        {
            pieces.AddRange(TextLayout.Wrap(graphics, detail, style.SmallItalic, width - 8)
                .Select((t, i) => new Piece(i == 0 ? $"–  {t}" : t, style.SmallItalic, style.Muted, i == 0 ? 0 : 8.5, 10.5)));
        }

        if (pieces.Count == 0)
        {
            pieces.Add(new Piece("", style.LineLabel, style.Ink, 0, 12));
        }

        return pieces;
    }

    private sealed record Piece(string Text, XFont Font, XBrush Brush, double Indent, double Height);
}
