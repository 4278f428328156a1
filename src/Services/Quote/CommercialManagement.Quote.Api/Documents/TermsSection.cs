namespace CommercialManagement.Quote.Api.Documents;

/// <summary>The seller's terms of sale, wrapped, flowing onto as many pages as they need.</summary>
internal static class TermsSection
{
    private const double LineHeight = 9.6;
    private const double ParagraphGap = 3;

    public static void Draw(PageFlow flow, RenderContext context)
    {
        var (style, text) = (context.Style, context.Text);
        var terms = context.Model.Seller.TermsOfSale;
        if (string.IsNullOrWhiteSpace(terms))
        {
            return;
        }

        flow.EnsureRoom(40);
        flow.Graphics.DrawString(text.Terms, style.Heading, style.Accent, DocumentStyle.Left, flow.Y + 10);
        flow.Y += 16;
        flow.Graphics.DrawLine(style.Rule, DocumentStyle.Left, flow.Y, DocumentStyle.Right, flow.Y);
        flow.Y += 6;

        foreach (var paragraph in terms.Replace("\r\n", "\n").Split('\n'))
        {
            if (paragraph.Trim().Length == 0)
            {
                continue;
            }

            // A short paragraph ending without a full stop reads as an article's title.
            var isTitle = paragraph.Length < 90 && !paragraph.TrimEnd().EndsWith('.');
            var font = isTitle ? style.TermsBold : style.Terms;
            var lines = TextLayout.Wrap(flow.Graphics, paragraph, font, DocumentStyle.ContentWidth);
            if (isTitle)
            {
                flow.EnsureRoom(LineHeight * 3);
                flow.Y += ParagraphGap;
            }

            foreach (var line in lines)
            {
                flow.EnsureRoom(LineHeight);
                flow.Graphics.DrawString(line, font, style.Ink, DocumentStyle.Left, flow.Y + LineHeight - 2.4);
                flow.Y += LineHeight;
            }

            flow.Y += ParagraphGap;
        }
    }
}
