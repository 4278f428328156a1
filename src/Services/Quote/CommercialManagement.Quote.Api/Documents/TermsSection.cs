using CommercialManagement.Documents;
using PdfSharp.Drawing;

namespace CommercialManagement.Quote.Api.Documents;

internal static class TermsSection
{
    private const double LineHeight = 9.6;
    private const double ParagraphGap = 3;

    /// <param name="keepWithLast">The height of what follows, kept on the page of the last paragraph.</param>
    public static void Draw(PageFlow flow, RenderContext context, double keepWithLast)
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

        var paragraphs = terms.Replace("\r\n", "\n").Split('\n')
            .Where(p => p.Trim().Length > 0)
            .Select(p => Paragraph.Of(flow, context, p))
            .ToList();
        var tailStart = paragraphs.Count >= 2 && paragraphs[^2].IsTitle ? paragraphs.Count - 2 : paragraphs.Count - 1;
        for (var index = 0; index < paragraphs.Count; index++)
        {
            var paragraph = paragraphs[index];
            var tail = paragraphs.Skip(index).Sum(p => p.Height) + keepWithLast;
            if (index == tailStart && tail <= flow.FreshPageRoom)
            {
                flow.EnsureRoom(tail);
            }

            if (paragraph.IsTitle)
            {
                flow.EnsureRoom(LineHeight * 3 + ParagraphGap);
                flow.Y += ParagraphGap;
            }

            foreach (var line in paragraph.Lines)
            {
                flow.EnsureRoom(LineHeight);
                flow.Graphics.DrawString(line, paragraph.Font, style.Ink, DocumentStyle.Left, flow.Y + LineHeight - 2.4);
                flow.Y += LineHeight;
            }

            flow.Y += ParagraphGap;
        }
    }

    private sealed record Paragraph(bool IsTitle, XFont Font, List<string> Lines)
    {
        public double Height => Lines.Count * LineHeight + ParagraphGap * (IsTitle ? 2 : 1);

        public static Paragraph Of(PageFlow flow, RenderContext context, string text)
        {
            // A short paragraph ending without a full stop reads as an article's title.
            var isTitle = text.Length < 90 && !text.TrimEnd().EndsWith('.');
            var font = isTitle ? context.Style.TermsBold : context.Style.Terms;
            return new Paragraph(isTitle, font, TextLayout.Wrap(flow.Graphics, text, font, DocumentStyle.ContentWidth));
        }
    }
}
