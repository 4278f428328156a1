using CommercialManagement.Documents;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>A voided quote says so, with its reason, before anything else; a draft says it is not an offer.</summary>
internal static class StateBanner
{
    private const double Padding = 10;

    public static void Draw(PageFlow flow, RenderContext context)
    {
        var quote = context.Model.Quote;
        switch (quote.State)
        {
            case QuoteDocumentState.Voided:
                DrawVoided(flow, context, quote.VoidReason);
                break;
            case QuoteDocumentState.Draft:
                DrawDraft(flow, context);
                break;
        }
    }

    private static void DrawVoided(PageFlow flow, RenderContext context, string? reason)
    {
        var (graphics, style, text) = (flow.Graphics, context.Style, context.Text);
        const double textWidth = DocumentStyle.ContentWidth - 2 * Padding;
        var notice = TextLayout.Wrap(graphics, text.VoidedNotice, style.Body, textWidth);
        var reasonLines = string.IsNullOrWhiteSpace(reason)
            ? []
            : TextLayout.Wrap(graphics, $"{text.VoidReason}{context.Document.Text.Colon}{reason}", style.BodyBold, textWidth);
        var height = Padding + 18 + 12 * (notice.Count + reasonLines.Count) + Padding - 2;
        graphics.DrawRectangle(style.VoidPen, style.VoidPale, DocumentStyle.Left, flow.Y, DocumentStyle.ContentWidth, height);
        graphics.DrawRectangle(style.Void, DocumentStyle.Left, flow.Y, 4, height);
        var x = DocumentStyle.Left + Padding + 2;
        var y = flow.Y + Padding + 13;
        graphics.DrawString(text.Voided, style.Stamp, style.Void, x, y);
        y += 16;
        foreach (var line in notice)
        {
            graphics.DrawString(line, style.Body, style.Ink, x, y);
            y += 12;
        }

        foreach (var line in reasonLines)
        {
            graphics.DrawString(line, style.BodyBold, style.Void, x, y);
            y += 12;
        }

        flow.Y += height + 14;
    }

    private static void DrawDraft(PageFlow flow, RenderContext context)
    {
        var (graphics, style, text) = (flow.Graphics, context.Style, context.Text);
        var line = TextLayout.Fit(graphics, $"{text.Draft} — {text.DraftNotice}", style.Body, DocumentStyle.ContentWidth - 2 * Padding);
        const double height = 22;
        graphics.DrawRectangle(style.DraftPale, DocumentStyle.Left, flow.Y, DocumentStyle.ContentWidth, height);
        graphics.DrawRectangle(style.Muted, DocumentStyle.Left, flow.Y, 4, height);
        graphics.DrawString(line, style.Body, style.Ink, DocumentStyle.Left + Padding + 2, flow.Y + 14.5);
        flow.Y += height + 14;
    }
}
