using CommercialManagement.Documents;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>
/// Renders the quote as an A4 PDF with the document kit (CommercialManagement.Documents): the kit's header, parties,
/// lines, totals and notes (the cancellation terms), with the quote's own state banner, payment schedule, terms of sale
/// and signature box; safe to call from several threads at once.
/// </summary>
internal static class QuoteDocument
{
    public static byte[] Render(QuoteDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = DocumentContext.For(model.Language);
        var text = QuoteText.For(model.Language);
        var context = new RenderContext(model, document, text);

        return DocumentPdf.Render(document, model.Seller, Heading(model.Quote, text, document.Format), model.Customer.Name, Decoration(model, text), flow =>
        {
            StateBanner.Draw(flow, context);
            PartiesPanel.Draw(flow, document, model.Customer, model.Stay);
            LinesTable.Draw(flow, document, model.Lines);
            var schedule = new ColumnBlock(ScheduleSection.Height(flow.Graphics, context), (graphics, top) => ScheduleSection.Draw(graphics, context, top));
            TotalsSection.Draw(flow, document, model.Totals, model.VatBreakdown, model.TouristTax, schedule);
            NotesSection.Draw(flow, document, text.CancellationTerms, model.CancellationTerms);
            TermsSection.Draw(flow, context, keepWithLast: ScheduleSection.AcceptanceHeight(context));
            ScheduleSection.DrawAcceptance(flow, context);
        });
    }

    private static DocumentHeading Heading(QuoteHeader quote, QuoteText text, DocumentFormat format) => new()
    {
        Kind = DocumentKind.Quote,
        Number = quote.Number,
        Version = quote.Version,
        IssueDate = quote.IssueDate,
        MoreDates = [new DocumentDate(text.ValidUntil, quote.ValidUntil)],
        Badge = quote.State switch
        {
            QuoteDocumentState.Draft => new DocumentBadge(text.Draft, DocumentTone.Neutral),
            QuoteDocumentState.Accepted => new DocumentBadge(
                quote.AcceptedOn is { } on ? $"{text.AcceptedOn} {format.LongDate(on)}" : text.Accepted, DocumentTone.Success),
            QuoteDocumentState.Voided => new DocumentBadge(text.Voided, DocumentTone.Alert),
            _ => null,
        },
    };

    /// <summary>A voided quote says so on every page, across it and beside the customer's name; a draft across it.</summary>
    private static PageDecoration Decoration(QuoteDocumentModel model, QuoteText text) => model.Quote.State switch
    {
        QuoteDocumentState.Voided => new PageDecoration
        {
            RunningNote = $"{text.Voided} · {model.Customer.Name}",
            RunningNoteTone = DocumentTone.Alert,
            Watermark = new Watermark(text.Voided, DocumentTone.Alert),
        },
        QuoteDocumentState.Draft => new PageDecoration
        {
            RunningNote = model.Customer.Name,
            Watermark = new Watermark(text.Draft.ToUpperInvariant(), DocumentTone.Neutral),
        },
        _ => new PageDecoration { RunningNote = model.Customer.Name },
    };
}
