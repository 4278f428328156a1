using PdfSharp.Drawing;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>When the customer pays what, how long the offer holds, and room for a signed acceptance.</summary>
internal static class ScheduleSection
{
    private const double Pad = 6;
    private const double RowHeight = 17;
    private const double Width = TotalsSection.LeftWidth;
    private const double SignatureHeight = 54;

    public static double RowsHeight(RenderContext context) => 14 + RowHeight * Rows(context).Count;

    public static void DrawRows(XGraphics graphics, RenderContext context, double top)
    {
        var style = context.Style;
        PartiesPanel.Caption(graphics, context, context.Text.Schedule, DocumentStyle.Left, top + 8);
        var y = top + 14;
        foreach (var (label, due, amount) in Rows(context))
        {
            graphics.DrawRectangle(style.Panel, DocumentStyle.Left, y, Width, RowHeight - 2);
            var baseline = y + 10.8;
            graphics.DrawString(label, style.BodyBold, style.Ink, DocumentStyle.Left + Pad, baseline);
            graphics.DrawString(due, style.Small, style.Muted, DocumentStyle.Left + 62, baseline);
            var amountWidth = TextLayout.Width(graphics, amount, style.BodyBold);
            graphics.DrawString(amount, style.BodyBold, style.Ink, DocumentStyle.Left + Width - Pad - amountWidth, baseline);
            y += RowHeight;
        }
    }

    public static void DrawValidity(PageFlow flow, RenderContext context)
    {
        var (style, text, model) = (context.Style, context.Text, context.Model);
        var sentence = string.Format(text.Validity, context.Format.LongDate(model.Quote.ValidUntil));
        var validity = TextLayout.Wrap(flow.Graphics, sentence, style.Body, Width);
        var signs = model.Quote.State is QuoteDocumentState.Draft or QuoteDocumentState.Sent;
        var height = Math.Max(12 * validity.Count, signs ? SignatureHeight : 0);
        flow.EnsureRoom(height + 6);
        var top = flow.Y;
        var y = top + 9;
        foreach (var line in validity)
        {
            flow.Graphics.DrawString(line, style.Body, style.Ink, DocumentStyle.Left, y);
            y += 12;
        }

        if (signs)
        {
            DrawSignatureBox(flow.Graphics, context, top);
        }

        flow.Y = top + height + 22;
    }

    private static void DrawSignatureBox(XGraphics graphics, RenderContext context, double top)
    {
        var style = context.Style;
        var lines = TextLayout.Wrap(graphics, context.Text.Acceptance, style.Small, TotalsSection.TotalsWidth - 2 * Pad);
        graphics.DrawRectangle(style.SignaturePen, TotalsSection.TotalsLeft, top, TotalsSection.TotalsWidth, SignatureHeight);
        var y = top + 11;
        foreach (var line in lines)
        {
            graphics.DrawString(line, style.Small, style.Muted, TotalsSection.TotalsLeft + Pad, y);
            y += 10;
        }
    }

    private static List<(string Label, string Due, string Amount)> Rows(RenderContext context)
    {
        var (text, format, model) = (context.Text, context.Format, context.Model);
        var deposit = model.Deposit;
        var depositDue = deposit.DueDate is { } date ? $"{text.DueBy} {format.LongDate(date)}" : text.OnSignature;
        if (model.Balance is not { } balance)
        {
            return [(text.WholeAmount, depositDue, format.Money(deposit.AmountCents))];
        }

        return
        [
            (text.Deposit, depositDue, format.Money(deposit.AmountCents)),
            (text.Balance, $"{text.DueBy} {format.LongDate(balance.DueDate)}", format.Money(balance.AmountCents)),
        ];
    }
}
