using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommercialManagement.Quote.Api.Documents;

internal sealed class DocumentStyle
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginX = 42;
    public const double MarginTop = 40;
    public const double MarginBottom = 30;
    public const double ContentWidth = PageWidth - 2 * MarginX;
    public const double Left = MarginX;
    public const double Right = PageWidth - MarginX;

    public static readonly XColor AccentColor = XColor.FromArgb(0x1B, 0x3B, 0x5A);
    public static readonly XColor VoidColor = XColor.FromArgb(0xB4, 0x23, 0x18);

    public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(0x1F, 0x29, 0x33));
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x5F, 0x6B, 0x7A));
    public XBrush Accent { get; } = new XSolidBrush(AccentColor);
    public XBrush AccentPale { get; } = new XSolidBrush(XColor.FromArgb(0xEC, 0xF1, 0xF6));
    public XBrush Panel { get; } = new XSolidBrush(XColor.FromArgb(0xF5, 0xF7, 0xFA));
    public XBrush White { get; } = XBrushes.White;
    public XBrush Void { get; } = new XSolidBrush(VoidColor);
    public XBrush VoidPale { get; } = new XSolidBrush(XColor.FromArgb(0xFD, 0xEC, 0xEA));
    public XBrush Success { get; } = new XSolidBrush(XColor.FromArgb(0x1E, 0x7B, 0x4A));
    public XBrush DraftPale { get; } = new XSolidBrush(XColor.FromArgb(0xF1, 0xF2, 0xF4));
    public XBrush VoidWatermark { get; } = new XSolidBrush(XColor.FromArgb(40, VoidColor));
    public XBrush DraftWatermark { get; } = new XSolidBrush(XColor.FromArgb(28, XColor.FromArgb(0x5F, 0x6B, 0x7A)));

    public XPen Rule { get; } = new(XColor.FromArgb(0xD5, 0xDB, 0xE3), 0.6);
    public XPen StrongRule { get; } = new(AccentColor, 1.2);
    public XPen VoidPen { get; } = new(VoidColor, 1);
    public XPen SignaturePen { get; } = new(XColor.FromArgb(0x9A, 0xA5, 0xB1), 0.6) { DashStyle = XDashStyle.Dash };

    public XFont Seller { get; } = Font(15, XFontStyleEx.Bold);
    public XFont Title { get; } = Font(24, XFontStyleEx.Bold);
    public XFont Heading { get; } = Font(10.5, XFontStyleEx.Bold);
    public XFont Caption { get; } = Font(7.5, XFontStyleEx.Bold);
    public XFont Body { get; } = Font(9);
    public XFont BodyBold { get; } = Font(9, XFontStyleEx.Bold);
    public XFont Small { get; } = Font(8);
    public XFont SmallItalic { get; } = Font(8, XFontStyleEx.Italic);
    public XFont LineLabel { get; } = Font(9, XFontStyleEx.Bold);
    public XFont Total { get; } = Font(11, XFontStyleEx.Bold);
    public XFont Stamp { get; } = Font(15, XFontStyleEx.Bold);
    public XFont Terms { get; } = Font(7.5);
    public XFont TermsBold { get; } = Font(7.5, XFontStyleEx.Bold);
    public XFont Footer { get; } = Font(7);
    public XFont FooterBold { get; } = Font(7, XFontStyleEx.Bold);

    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(QuoteDocumentFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
