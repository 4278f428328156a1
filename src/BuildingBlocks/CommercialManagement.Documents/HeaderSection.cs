using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>The seller on the left, the document's identity on the right, a navy rule under both.</summary>
internal static class HeaderSection
{
    /// <summary>The room left to the title beside the seller's block (55 % of the width).</summary>
    private const double TitleWidth = DocumentStyle.ContentWidth * 0.45 - 12;

    public static void Draw(PageFlow flow, DocumentContext context, SellerDetails seller, DocumentHeading heading)
    {
        var top = flow.Y;
        var sellerBottom = DrawSeller(flow, context, seller, top);
        var identityBottom = DrawIdentity(flow, context, heading, top);
        flow.Y = Math.Max(sellerBottom, identityBottom) + 10;
        flow.Graphics.DrawLine(context.Style.StrongRule, DocumentStyle.Left, flow.Y, DocumentStyle.Right, flow.Y);
        flow.Y += 14;
    }

    private static double DrawSeller(PageFlow flow, DocumentContext context, SellerDetails seller, double top)
    {
        var (graphics, style) = (flow.Graphics, context.Style);
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

    private static double DrawIdentity(PageFlow flow, DocumentContext context, DocumentHeading heading, double top)
    {
        var (graphics, style, text, format) = (flow.Graphics, context.Style, context.Text, context.Format);
        var y = top + 20;
        var title = text.Titles[heading.Kind];
        TextLayout.DrawRight(graphics, title, TitleFont(graphics, style, title), style.Accent, DocumentStyle.Right, y);
        y += 17;
        TextLayout.DrawRight(graphics, heading.NumberLine(text), style.BodyBold, style.Ink, DocumentStyle.Right, y);
        y += 13;
        TextLayout.DrawRight(graphics, $"{text.IssuedOn}{text.Colon}{format.LongDate(heading.IssueDate)}", style.Body, style.Muted, DocumentStyle.Right, y);
        foreach (var date in heading.MoreDates)
        {
            y += 12;
            TextLayout.DrawRight(graphics, $"{date.Label}{text.Colon}{format.LongDate(date.Date)}", style.Body, style.Muted, DocumentStyle.Right, y);
        }

        if (heading.Badge is not { Label.Length: > 0 } badge)
        {
            return y;
        }

        y += 8;
        var width = TextLayout.Width(graphics, badge.Label, style.BodyBold) + 16;
        graphics.DrawRectangle(style.Strong(badge.Tone), DocumentStyle.Right - width, y, width, 16);
        graphics.DrawString(badge.Label, style.BodyBold, style.White, DocumentStyle.Right - width + 8, y + 11.3);
        return y + 16;
    }

    /// <summary>A long title (« FACTURE D'ACOMPTE ») is set smaller rather than run into the seller's name.</summary>
    private static XFont TitleFont(XGraphics graphics, DocumentStyle style, string title)
    {
        var width = TextLayout.Width(graphics, title, style.Title);
        return width <= TitleWidth ? style.Title : DocumentStyle.Font(style.Title.Size * TitleWidth / width, XFontStyleEx.Bold);
    }
}
