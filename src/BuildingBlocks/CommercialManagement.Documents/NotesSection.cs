using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>
/// A titled block of short paragraphs under the totals (an invoice's payment terms and legal mentions): each wrapped to
/// the page's width, continued on the next page if it must, a paragraph never cut from its first line.
/// </summary>
public static class NotesSection
{
    private const double LineHeight = 10.5;
    private const double ParagraphGap = 3;

    /// <summary>Draws <paramref name="title"/> and <paramref name="paragraphs"/> at the writing position; nothing when there are none.</summary>
    public static void Draw(PageFlow flow, DocumentContext context, string title, IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (paragraphs.Count == 0)
        {
            return;
        }

        var style = context.Style;
        flow.EnsureRoom(16 + 6 + LineHeight * 2);
        flow.Graphics.DrawString(title, style.Heading, style.Accent, DocumentStyle.Left, flow.Y + 10);
        flow.Y += 16;
        flow.Graphics.DrawLine(style.Rule, DocumentStyle.Left, flow.Y, DocumentStyle.Right, flow.Y);
        flow.Y += 6;
        foreach (var paragraph in paragraphs)
        {
            var lines = TextLayout.Wrap(flow.Graphics, paragraph, style.Body, DocumentStyle.ContentWidth);
            flow.EnsureRoom(LineHeight * Math.Min(lines.Count, 2));
            foreach (var line in lines)
            {
                flow.EnsureRoom(LineHeight);
                flow.Graphics.DrawString(line, style.Body, style.Ink, DocumentStyle.Left, flow.Y + LineHeight - 2.6);
                flow.Y += LineHeight;
            }

            flow.Y += ParagraphGap;
        }

        flow.Y += 8;
    }
}
