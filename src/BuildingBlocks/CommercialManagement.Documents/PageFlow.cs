using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommercialManagement.Documents;

/// <summary>
/// The writing position down the pages: sections ask for room, and a new page opens with the running header
/// (and the document's watermark) when the room is not there. <see cref="DocumentPdf.Render"/> makes one per document.
/// </summary>
public sealed class PageFlow : IDisposable
{
    private const double RunningHeaderHeight = 28;

    private readonly PdfDocument document;
    private readonly DocumentContext context;
    private readonly string runningReference;
    private readonly PageDecoration decoration;
    private readonly List<PdfPage> pages = [];
    private XGraphics? graphics;

    internal PageFlow(PdfDocument document, DocumentContext context, string runningReference, PageDecoration decoration)
    {
        this.document = document;
        this.context = context;
        this.runningReference = runningReference;
        this.decoration = decoration;
    }

    /// <summary>The current page's drawing surface.</summary>
    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page is open.");

    /// <summary>The pages opened so far.</summary>
    public IReadOnlyList<PdfPage> Pages => pages;

    /// <summary>The writing position on the current page, in points from the top; a section moves it down past what it drew.</summary>
    public double Y { get; set; }

    /// <summary>The lowest point a section may draw to: above the footer.</summary>
    public double Bottom { get; internal set; } = DocumentStyle.PageHeight - DocumentStyle.MarginBottom;

    /// <summary>The body height of a continuation page, below its running header.</summary>
    public double FreshPageRoom => Bottom - (DocumentStyle.MarginTop + RunningHeaderHeight);

    /// <summary>Whether <paramref name="height"/> more points fit on the current page.</summary>
    public bool Fits(double height) => Y + height <= Bottom;

    /// <summary>Opens a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void EnsureRoom(double height)
    {
        if (!Fits(height))
        {
            NewPage();
        }
    }

    /// <summary>Opens a new page: its watermark, then (after the first page) the running header.</summary>
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
    internal void Close()
    {
        graphics?.Dispose();
        graphics = null;
    }

    /// <summary>Ends the drawing on the last page.</summary>
    public void Dispose() => Close();

    private void DrawRunningHeader()
    {
        var style = context.Style;
        var baseline = Y + 9;
        Graphics.DrawString(runningReference, style.BodyBold, style.Accent, DocumentStyle.Left, baseline);
        var right = TextLayout.Fit(Graphics, decoration.RunningNote, style.Body, DocumentStyle.ContentWidth / 2);
        var width = TextLayout.Width(Graphics, right, style.Body);
        Graphics.DrawString(right, style.Body, style.Strong(decoration.RunningNoteTone), DocumentStyle.Right - width, baseline);
        Graphics.DrawLine(style.Rule, DocumentStyle.Left, Y + 15, DocumentStyle.Right, Y + 15);
        Y += RunningHeaderHeight;
    }

    private void DrawWatermark()
    {
        if (decoration.Watermark is not { } watermark)
        {
            return;
        }

        var word = watermark.Word;
        var probe = DocumentStyle.Font(100, XFontStyleEx.Bold);
        var size = Math.Min(110, 100 * 480 / TextLayout.Width(Graphics, word, probe));
        var font = DocumentStyle.Font(size, XFontStyleEx.Bold);
        var center = new XPoint(DocumentStyle.PageWidth / 2, DocumentStyle.PageHeight / 2);
        var state = Graphics.Save();
        Graphics.RotateAtTransform(-50, center);
        Graphics.DrawString(word, font, context.Style.Watermark(watermark.Tone), center, XStringFormats.Center);
        Graphics.Restore(state);
    }
}

/// <summary>What every page carries besides its content.</summary>
public sealed record PageDecoration
{
    /// <summary>The right of the running header on the pages after the first, e.g. the customer's name.</summary>
    public required string RunningNote { get; init; }
    /// <summary>The running note's colour: <see cref="DocumentTone.Alert"/> for « ANNULÉ · … ».</summary>
    public DocumentTone RunningNoteTone { get; init; } = DocumentTone.Neutral;
    /// <summary>A word across every page, e.g. « BROUILLON »; none by default.</summary>
    public Watermark? Watermark { get; init; }
}

/// <summary>A word written large and pale across every page.</summary>
/// <param name="Word">The word, as it is to be written (in capitals).</param>
/// <param name="Tone">Its colour.</param>
public sealed record Watermark(string Word, DocumentTone Tone);
