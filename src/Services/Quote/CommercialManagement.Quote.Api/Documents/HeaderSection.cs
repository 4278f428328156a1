using PdfSharp.Drawing;

namespace CommercialManagement.Quote.Api.Documents;

internal static class HeaderSection
{
    public static void Draw(PageFlow flow, RenderContext context)
    {
        var top = flow.Y;
        var sellerBottom = DrawSeller(flow, context, top);
        var quoteBottom = DrawQuoteIdentity(flow, context, top);
        flow.Y = Math.Max(sellerBottom, quoteBottom) + 10;
        flow.Graphics.DrawLine(context.Style.StrongRule, DocumentStyle.Left, flow.Y, DocumentStyle.Right, flow.Y);
        flow.Y += 14;
        StateBanner.Draw(flow, context);
        PartiesPanel.Draw(flow, context);
    }

    private static double DrawSeller(PageFlow flow, RenderContext context, double top)
    {
        var (graphics, style, seller) = (flow.Graphics, context.Style, context.Model.Seller);
        const double width = DocumentStyle.ContentWidth * 0.55;
        var y = top + 14;
        foreach (var line in TextLayout.Wrap(graphics, seller.Name, style.Seller, width))
        {
            graphics.DrawString(line, style.Seller, style.Accent, DocumentStyle.Left, y);
            y += 18;
        }

        y -= 3;
        var contact = string.Join("  ·  ", new[] { seller.Phone, seller.Email }.Where(v => !string.IsNullOrWhiteSpace(v)));
        foreach (var line in seller.AddressLines.Append(contact).SelectMany(l => TextLayout.Wrap(graphics, l, style.Body, width)))
        {
            graphics.DrawString(line, style.Body, style.Muted, DocumentStyle.Left, y);
            y += 11.5;
        }

        return y - 8;
    }

    private static double DrawQuoteIdentity(PageFlow flow, RenderContext context, double top)
    {
        var (graphics, style, text, format, quote) =
            (flow.Graphics, context.Style, context.Text, context.Format, context.Model.Quote);
        var y = top + 20;
        RightAligned(graphics, text.Title, style.Title, style.Accent, y);
        y += 17;
        RightAligned(graphics, $"{text.Number} {quote.Number}  ·  {text.Version} {quote.Version}", style.BodyBold, style.Ink, y);
        y += 13;
        RightAligned(graphics, $"{text.IssuedOn}{text.Colon}{format.LongDate(quote.IssueDate)}", style.Body, style.Muted, y);
        y += 12;
        RightAligned(graphics, $"{text.ValidUntil}{text.Colon}{format.LongDate(quote.ValidUntil)}", style.Body, style.Muted, y);
        var badge = quote.State switch
        {
            QuoteDocumentState.Draft => (Label: text.Draft, Brush: style.Muted),
            QuoteDocumentState.Accepted => (Label: quote.AcceptedOn is { } on ? $"{text.AcceptedOn} {format.LongDate(on)}" : text.Accepted, Brush: style.Success),
            QuoteDocumentState.Voided => (Label: text.Voided, Brush: style.Void),
            _ => (Label: "", Brush: style.Muted),
        };
        if (badge.Label.Length == 0)
        {
            return y;
        }

        y += 8;
        var width = TextLayout.Width(graphics, badge.Label, style.BodyBold) + 16;
        graphics.DrawRectangle(badge.Brush, DocumentStyle.Right - width, y, width, 16);
        graphics.DrawString(badge.Label, style.BodyBold, style.White, DocumentStyle.Right - width + 8, y + 11.3);
        return y + 16;
    }

    private static void RightAligned(XGraphics graphics, string value, XFont font, XBrush brush, double baseline) =>
        graphics.DrawString(value, font, brush, DocumentStyle.Right - TextLayout.Width(graphics, value, font), baseline);
}
