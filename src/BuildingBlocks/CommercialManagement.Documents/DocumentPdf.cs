using PdfSharp.Pdf;

namespace CommercialManagement.Documents;

/// <summary>
/// The frame of every document: the A4 PDF and its properties, the header, the footer on every page and the running
/// header on the pages after the first. A document supplies its body; safe to call from several threads at once.
/// </summary>
public static class DocumentPdf
{
    /// <summary>
    /// Renders a document: the header (seller, title, number, dates, badge) at the top of the first page, then
    /// <paramref name="body"/> drawing its sections from the writing position (<see cref="PartiesPanel"/>,
    /// <see cref="LinesTable"/>, <see cref="TotalsSection"/> and its own), then the footers.
    /// </summary>
    /// <param name="context">The document's words, formats and style (<see cref="DocumentContext.For"/>).</param>
    /// <param name="seller">Who issues it: the header and the footer; the PDF's author.</param>
    /// <param name="heading">What it is: the header's identity, the running header, the footer's reference, the PDF's title.</param>
    /// <param name="subject">The PDF's subject, the customer's name.</param>
    /// <param name="decoration">The running header's note and the watermark.</param>
    /// <param name="body">Draws the sections under the header; it may open pages through <see cref="PageFlow"/>.</param>
    /// <param name="facturX">
    /// The CII XML of an invoice to a business: the PDF is then a Factur-X file, PDF/A-3B with the XML embedded
    /// (<see cref="FacturXInvoice"/>); the pages are the same.
    /// </param>
    /// <returns>The PDF's bytes.</returns>
    public static byte[] Render(
        DocumentContext context, SellerDetails seller, DocumentHeading heading, string subject, PageDecoration decoration, Action<PageFlow> body,
        FacturXInvoice? facturX = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(decoration);
        ArgumentNullException.ThrowIfNull(body);
        var text = context.Text;
        using var document = new PdfDocument();
        document.Info.Title = heading.PdfTitle(text);
        document.Info.Author = seller.Name;
        document.Info.Subject = subject;

        using (var flow = new PageFlow(document, context, heading.Reference(text), decoration))
        {
            flow.NewPage();
            var footer = new FooterSection(flow.Graphics, context, seller, heading.Number);
            flow.Bottom = footer.Top - 14;
            HeaderSection.Draw(flow, context, seller, heading);
            body(flow);
            flow.Close();
            footer.DrawOn(flow.Pages);
        }

        var pending = facturX is null ? null : FacturXPdf.Prepare(document, facturX);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return pending is null ? output.ToArray() : FacturXPdf.Finish(output.ToArray(), document, pending);
    }
}
