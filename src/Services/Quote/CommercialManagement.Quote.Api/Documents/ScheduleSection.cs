using CommercialManagement.Documents;
using PdfSharp.Drawing;

namespace CommercialManagement.Quote.Api.Documents;

internal static class ScheduleSection
{
    private const double Pad = 6;
    private const double RowHeight = 17;
    private const double Width = TotalsSection.LeftWidth;
    private const double SignatureHeight = 60;

    public static double Height(XGraphics graphics, RenderContext context) =>
        14 + RowHeight * Rows(context).Count + 6 + 10 * Validity(graphics, context).Count;

    public static void Draw(XGraphics graphics, RenderContext context, double top)
    {
        var style = context.Style;
        style.DrawCaption(graphics, context.Text.Schedule, DocumentStyle.Left, top + 8);
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

        y += 6;
        foreach (var line in Validity(graphics, context))
        {
            y += 10;
            graphics.DrawString(line, style.Small, style.Muted, DocumentStyle.Left, y - 2);
        }
    }

    public static double AcceptanceHeight(RenderContext context) =>
        context.Model.Quote.State is QuoteDocumentState.Draft or QuoteDocumentState.Sent ? SignatureHeight + 16 : 0;

    /// <summary>After the terms of sale, which the signature accepts, while the quote still awaits an answer.</summary>
    public static void DrawAcceptance(PageFlow flow, RenderContext context)
    {
        if (context.Model.Quote.State is not (QuoteDocumentState.Draft or QuoteDocumentState.Sent))
        {
            return;
        }

        flow.EnsureRoom(AcceptanceHeight(context));
        DrawSignatureBox(flow.Graphics, context, flow.Y + 12);
        flow.Y += SignatureHeight + 16;
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

    private static List<string> Validity(XGraphics graphics, RenderContext context)
    {
        var sentence = string.Format(context.Text.Validity, context.Format.LongDate(context.Model.Quote.ValidUntil));
        return TextLayout.Wrap(graphics, sentence, context.Style.Small, Width);
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
