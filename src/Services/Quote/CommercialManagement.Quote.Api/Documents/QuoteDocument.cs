using PdfSharp.Pdf;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>Renders the quote as an A4 PDF; safe to call from several threads at once.</summary>
internal static class QuoteDocument
{
    public static byte[] Render(QuoteDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        QuoteDocumentFonts.EnsureRegistered();
        var text = DocumentText.For(model.Language);
        var context = new RenderContext(model, text, new DocumentFormat(model.Language), new DocumentStyle());

        using var document = new PdfDocument();
        document.Info.Title = $"{text.QuoteReference} {model.Quote.Number} ({text.Version} {model.Quote.Version})";
        document.Info.Author = model.Seller.Name;
        document.Info.Subject = model.Customer.Name;

        using (var flow = new PageFlow(document, context))
        {
            flow.NewPage();
            var footer = new FooterSection(flow.Graphics, context);
            flow.Bottom = footer.Top - 14;
            HeaderSection.Draw(flow, context);
            LinesTable.Draw(flow, context);
            TotalsSection.Draw(flow, context);
            TermsSection.Draw(flow, context, keepWithLast: ScheduleSection.AcceptanceHeight(context));
            ScheduleSection.DrawAcceptance(flow, context);
            flow.Close();
            footer.DrawOn(flow.Pages);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
