using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommercialManagement.Documents;

/// <summary>
/// The family look of every document: the A4 page and its margins, the colours, pens and fonts. One instance per
/// rendering (<see cref="DocumentContext.For"/>), since PDFsharp's brushes and fonts are not shared across threads.
/// </summary>
public sealed class DocumentStyle
{
    /// <summary>A4 width, in points.</summary>
    public const double PageWidth = 595.28;
    /// <summary>A4 height, in points.</summary>
    public const double PageHeight = 841.89;
    /// <summary>The left and right margin.</summary>
    public const double MarginX = 42;
    /// <summary>Where the first line of a page starts.</summary>
    public const double MarginTop = 40;
    /// <summary>The space under the footer.</summary>
    public const double MarginBottom = 30;
    /// <summary>The width between the margins.</summary>
    public const double ContentWidth = PageWidth - 2 * MarginX;
    /// <summary>The left edge of the content.</summary>
    public const double Left = MarginX;
    /// <summary>The right edge of the content.</summary>
    public const double Right = PageWidth - MarginX;

    /// <summary>The navy of titles, captions and table headers.</summary>
    public static readonly XColor AccentColor = XColor.FromArgb(0x1B, 0x3B, 0x5A);
    /// <summary>The red of what is cancelled or refused.</summary>
    public static readonly XColor VoidColor = XColor.FromArgb(0xB4, 0x23, 0x18);

    private static readonly XColor SuccessColor = XColor.FromArgb(0x1E, 0x7B, 0x4A);

    /// <summary>Body text.</summary>
    public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(0x1F, 0x29, 0x33));
    /// <summary>Secondary text: addresses, labels, notes.</summary>
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x5F, 0x6B, 0x7A));
    /// <summary>Titles, captions, table headers, the amount to pay.</summary>
    public XBrush Accent { get; } = new XSolidBrush(AccentColor);
    /// <summary>The pale band behind a small table's header.</summary>
    public XBrush AccentPale { get; } = new XSolidBrush(XColor.FromArgb(0xEC, 0xF1, 0xF6));
    /// <summary>The grey behind the customer and stay panels and the schedule rows.</summary>
    public XBrush Panel { get; } = new XSolidBrush(XColor.FromArgb(0xF5, 0xF7, 0xFA));
    /// <summary>Text on the accent.</summary>
    public XBrush White { get; } = XBrushes.White;
    /// <summary>A cancelled document's stamp and badge (<see cref="DocumentTone.Alert"/>).</summary>
    public XBrush Void { get; } = new XSolidBrush(VoidColor);
    /// <summary>The background of a cancellation notice.</summary>
    public XBrush VoidPale { get; } = new XSolidBrush(XColor.FromArgb(0xFD, 0xEC, 0xEA));
    /// <summary>An accepted or paid document's badge (<see cref="DocumentTone.Success"/>).</summary>
    public XBrush Success { get; } = new XSolidBrush(SuccessColor);
    /// <summary>The background of a draft's notice.</summary>
    public XBrush DraftPale { get; } = new XSolidBrush(XColor.FromArgb(0xF1, 0xF2, 0xF4));
    /// <summary>The watermark of <see cref="DocumentTone.Alert"/>.</summary>
    public XBrush VoidWatermark { get; } = new XSolidBrush(XColor.FromArgb(40, VoidColor));
    /// <summary>The watermark of <see cref="DocumentTone.Neutral"/>.</summary>
    public XBrush DraftWatermark { get; } = new XSolidBrush(XColor.FromArgb(28, XColor.FromArgb(0x5F, 0x6B, 0x7A)));
    /// <summary>The watermark of <see cref="DocumentTone.Success"/>.</summary>
    public XBrush SuccessWatermark { get; } = new XSolidBrush(XColor.FromArgb(28, SuccessColor));

    /// <summary>The thin grey line between rows.</summary>
    public XPen Rule { get; } = new(XColor.FromArgb(0xD5, 0xDB, 0xE3), 0.6);
    /// <summary>The navy line under the header.</summary>
    public XPen StrongRule { get; } = new(AccentColor, 1.2);
    /// <summary>The border of a cancellation notice.</summary>
    public XPen VoidPen { get; } = new(VoidColor, 1);
    /// <summary>The dashed border of a signature box.</summary>
    public XPen SignaturePen { get; } = new(XColor.FromArgb(0x9A, 0xA5, 0xB1), 0.6) { DashStyle = XDashStyle.Dash };

    /// <summary>The seller's name in the header.</summary>
    public XFont Seller { get; } = Font(15, XFontStyleEx.Bold);
    /// <summary>The document's title (« DEVIS », « FACTURE »).</summary>
    public XFont Title { get; } = Font(24, XFontStyleEx.Bold);
    /// <summary>A section's heading.</summary>
    public XFont Heading { get; } = Font(10.5, XFontStyleEx.Bold);
    /// <summary>A caption in capitals over a block (<see cref="DrawCaption"/>).</summary>
    public XFont Caption { get; } = Font(7.5, XFontStyleEx.Bold);
    /// <summary>Body text.</summary>
    public XFont Body { get; } = Font(9);
    /// <summary>Body text, bold.</summary>
    public XFont BodyBold { get; } = Font(9, XFontStyleEx.Bold);
    /// <summary>Notes and dates under a line.</summary>
    public XFont Small { get; } = Font(8);
    /// <summary>A line's price details.</summary>
    public XFont SmallItalic { get; } = Font(8, XFontStyleEx.Italic);
    /// <summary>A line's label.</summary>
    public XFont LineLabel { get; } = Font(9, XFontStyleEx.Bold);
    /// <summary>The amount to pay.</summary>
    public XFont Total { get; } = Font(11, XFontStyleEx.Bold);
    /// <summary>A stamp such as « ANNULÉ ».</summary>
    public XFont Stamp { get; } = Font(15, XFontStyleEx.Bold);
    /// <summary>The terms of sale.</summary>
    public XFont Terms { get; } = Font(7.5);
    /// <summary>An article's title in the terms of sale.</summary>
    public XFont TermsBold { get; } = Font(7.5, XFontStyleEx.Bold);
    /// <summary>The footer.</summary>
    public XFont Footer { get; } = Font(7);
    /// <summary>The footer's page number.</summary>
    public XFont FooterBold { get; } = Font(7, XFontStyleEx.Bold);

    /// <summary>The kit's font (<see cref="DocumentFonts.Family"/>) at a size, embedded as Unicode.</summary>
    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        DocumentFonts.EnsureRegistered();
        return new XFont(DocumentFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    /// <summary>A block's caption, in capitals and in the accent colour, as over « PRESTATIONS » or « TOTAUX ».</summary>
    public void DrawCaption(XGraphics graphics, string caption, double x, double baseline) =>
        graphics.DrawString(caption.ToUpperInvariant(), Caption, Accent, x, baseline);

    internal XBrush Strong(DocumentTone tone) => tone switch
    {
        DocumentTone.Alert => Void,
        DocumentTone.Success => Success,
        _ => Muted,
    };

    internal XBrush Watermark(DocumentTone tone) => tone switch
    {
        DocumentTone.Alert => VoidWatermark,
        DocumentTone.Success => SuccessWatermark,
        _ => DraftWatermark,
    };
}
