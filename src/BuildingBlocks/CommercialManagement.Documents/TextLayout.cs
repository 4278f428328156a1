using System.Text;
using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>Greedy word wrapping on measured widths; a word wider than the line is cut where it must.</summary>
public static class TextLayout
{
    /// <summary>
    /// The lines of a text at a width; a line break in the text starts a new line, and a blank paragraph stays as "".
    /// None for an empty text.
    /// </summary>
    public static List<string> Wrap(XGraphics graphics, string? text, XFont font, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        var space = graphics.MeasureString(" ", font).Width;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (paragraph.Trim().Length == 0)
            {
                lines.Add("");
                continue;
            }

            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var piece in CutToWidth(graphics, word, font, width))
                {
                    var pieceWidth = graphics.MeasureString(piece, font).Width;
                    if (line.Length > 0 && lineWidth + space + pieceWidth > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }

                    if (line.Length > 0)
                    {
                        line.Append(' ');
                        lineWidth += space;
                    }

                    line.Append(piece);
                    lineWidth += pieceWidth;
                }
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Shortens a single line with an ellipsis, for places that have room for one line only.</summary>
    public static string Fit(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var end = text.Length;
        while (end > 0 && graphics.MeasureString(text[..end] + "…", font).Width > width)
        {
            end--;
        }

        return text[..end].TrimEnd() + "…";
    }

    /// <summary>The width of a text in a font, to align it on the right.</summary>
    public static double Width(XGraphics graphics, string text, XFont font) => graphics.MeasureString(text, font).Width;

    /// <summary>Draws a text ending at <paramref name="right"/>, as amounts are.</summary>
    public static void DrawRight(XGraphics graphics, string text, XFont font, XBrush brush, double right, double baseline) =>
        graphics.DrawString(text, font, brush, right - Width(graphics, text, font), baseline);

    private static IEnumerable<string> CutToWidth(XGraphics graphics, string word, XFont font, double width)
    {
        var rest = word;
        while (graphics.MeasureString(rest, font).Width > width && rest.Length > 1)
        {
            var end = rest.Length - 1;
            while (end > 1 && graphics.MeasureString(rest[..end], font).Width > width)
            {
                end--;
            }

            yield return rest[..end];
            rest = rest[end..];
        }

        yield return rest;
    }
}
