using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>
/// The writing position down the pages: sections ask for room, and a new page opens with the running header
/// (and the state's watermark) when the room is not there.
/// </summary>
internal sealed class PageFlow(PdfDocument document, RenderContext context) : IDisposable
{
    private readonly List<PdfPage> pages = [];
    private XGraphics? graphics;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page is open.");

    public IReadOnlyList<PdfPage> Pages => pages;

    public double Y { get; set; }

    public double Bottom { get; set; } = DocumentStyle.PageHeight - DocumentStyle.MarginBottom;

    /// <summary>The body height of a continuation page, below its running header.</summary>
    public double FreshPageRoom => Bottom - (DocumentStyle.MarginTop + RunningHeaderHeight);

    private const double RunningHeaderHeight = 28;

    public bool Fits(double height) => Y + height <= Bottom;

    public void EnsureRoom(double height)
    {
        if (!Fits(height))
        {
            NewPage();
        }
    }

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(DocumentStyle.PageWidth);
        page.Height = XUnit.FromPoint(DocumentStyle.PageHeight);
        pages.Add(page);
        graphics = XGraphics.FromPdfPage(page);
        DrawWatermark();
        Y = DocumentStyle.MarginTop;
        if (pages.Count > 1)
        {
            DrawRunningHeader();
        }
    }

    /// <summary>Ends the drawing on the last page, so that the footers can be added to every page.</summary>
    public void Close()
    {
        graphics?.Dispose();
        graphics = null;
    }

    public void Dispose() => Close();

    private void DrawRunningHeader()
    {
        var style = context.Style;
        var quote = context.Model.Quote;
        var baseline = Y + 9;
        var reference = $"{context.Text.QuoteReference} {quote.Number} · {context.Text.Version} {quote.Version}";
        Graphics.DrawString(reference, style.BodyBold, style.Accent, DocumentStyle.Left, baseline);
        var right = context.Model.Customer.Name;
        if (quote.State == QuoteDocumentState.Voided)
        {
            right = $"{context.Text.Voided} · {right}";
        }

        right = TextLayout.Fit(Graphics, right, style.Body, DocumentStyle.ContentWidth / 2);
        var width = TextLayout.Width(Graphics, right, style.Body);
        var brush = quote.State == QuoteDocumentState.Voided ? style.Void : style.Muted;
        Graphics.DrawString(right, style.Body, brush, DocumentStyle.Right - width, baseline);
        Graphics.DrawLine(style.Rule, DocumentStyle.Left, Y + 15, DocumentStyle.Right, Y + 15);
        Y += RunningHeaderHeight;
    }

    private void DrawWatermark()
    {
        var (word, brush) = context.Model.Quote.State switch
        {
            QuoteDocumentState.Voided => (context.Text.Voided, context.Style.VoidWatermark),
            QuoteDocumentState.Draft => (context.Text.Draft.ToUpperInvariant(), context.Style.DraftWatermark),
            _ => ("", null),
        };
        if (brush is null)
        {
            return;
        }

        var probe = DocumentStyle.Font(100, XFontStyleEx.Bold);
        var size = Math.Min(110, 100 * 480 / TextLayout.Width(Graphics, word, probe));
        var font = DocumentStyle.Font(size, XFontStyleEx.Bold);
        var center = new XPoint(DocumentStyle.PageWidth / 2, DocumentStyle.PageHeight / 2);
        var state = Graphics.Save();
        Graphics.RotateAtTransform(-50, center);
        Graphics.DrawString(word, font, brush, center, XStringFormats.Center);
        Graphics.Restore(state);
    }
}

internal sealed record RenderContext(QuoteDocumentModel Model, DocumentText Text, DocumentFormat Format, DocumentStyle Style);
