using PdfSharp.Drawing;

namespace CommercialManagement.Documents;

/// <summary>Two grey panels side by side: the customer on the left, the stay on the right.</summary>
public static class PartiesPanel
{
    private const double Gap = 12;
    private const double Padding = 10;
    private const double PanelWidth = (DocumentStyle.ContentWidth - Gap) / 2;
    private const double LabelWidth = 68;

    /// <summary>Draws both panels at the writing position and moves it below them.</summary>
    public static void Draw(PageFlow flow, DocumentContext context, CustomerDetails customerDetails, StayDetails stayDetails)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(context);
        var (graphics, style) = (flow.Graphics, context.Style);
        var customer = CustomerLines(graphics, context, customerDetails);
        var stay = StayLines(graphics, context, stayDetails);
        var height = Padding + 14 + 12 * Math.Max(customer.Count, stay.Count) + Padding - 3;
        var top = flow.Y;
        var stayLeft = DocumentStyle.Left + PanelWidth + Gap;
        graphics.DrawRectangle(style.Panel, DocumentStyle.Left, top, PanelWidth, height);
        graphics.DrawRectangle(style.Panel, stayLeft, top, PanelWidth, height);
        style.DrawCaption(graphics, context.Text.Customer, DocumentStyle.Left + Padding, top + Padding + 6);
        style.DrawCaption(graphics, context.Text.Stay, stayLeft + Padding, top + Padding + 6);

        var y = top + Padding + 20;
        foreach (var (line, font, brush) in customer)
        {
            graphics.DrawString(line, font, brush, DocumentStyle.Left + Padding, y);
            y += 12;
        }

        y = top + Padding + 20;
        foreach (var (label, value) in stay)
        {
            graphics.DrawString(label, style.Body, style.Muted, stayLeft + Padding, y);
            graphics.DrawString(value, style.BodyBold, style.Ink, stayLeft + Padding + LabelWidth, y);
            y += 12;
        }

        flow.Y = top + height + 16;
    }

    private static List<(string Line, XFont Font, XBrush Brush)> CustomerLines(XGraphics graphics, DocumentContext context, CustomerDetails customer)
    {
        var style = context.Style;
        const double width = PanelWidth - 2 * Padding;
        var lines = TextLayout.Wrap(graphics, customer.Name, style.BodyBold, width)
            .Select(l => (l, style.BodyBold, style.Ink)).ToList();
        var rest = customer.AddressLines.Append(customer.Email).Append(customer.Phone)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .SelectMany(l => TextLayout.Wrap(graphics, l, style.Body, width));
        lines.AddRange(rest.Select(l => (l, style.Body, style.Ink)));
        return lines;
    }

    private static List<(string Label, string Value)> StayLines(XGraphics graphics, DocumentContext context, StayDetails stay)
    {
        var (text, format, style) = (context.Text, context.Format, context.Style);
        const double width = PanelWidth - 2 * Padding - LabelWidth;
        var lines = new List<(string, string)>
        {
            (text.Arrival, format.DayAndDate(stay.Arrival)),
            (text.Departure, format.DayAndDate(stay.Departure)),
            (text.Duration, $"{stay.Nights} {(stay.Nights > 1 ? text.Nights : text.Night)}"),
        };
        var party = TextLayout.Wrap(graphics, Party(text, stay), style.BodyBold, width);
        lines.AddRange(party.Select((line, i) => (i == 0 ? text.Party : "", line)));
        return lines;
    }

    private static string Party(DocumentText text, StayDetails stay)
    {
        var adults = $"{stay.Adults} {(stay.Adults > 1 ? text.Adults : text.Adult)}";
        var ages = stay.ChildrenAges;
        if (ages.Count == 0)
        {
            return adults;
        }

        var agesList = ages.Count == 1
            ? $"{ages[0]}"
            : $"{string.Join(", ", ages.Take(ages.Count - 1))} {text.And} {ages[^1]}";
        return $"{adults}, {ages.Count} {(ages.Count > 1 ? text.Children : text.Child)} ({agesList} {text.Years})";
    }
}
