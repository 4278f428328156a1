using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommercialManagement.Documents;

/// <summary>The seller's legal details and « Page n / N » on every page, drawn once the page count is known.</summary>
internal sealed class FooterSection
{
    private const double LineHeight = 9;
    private const double NumberWidth = 90;
    private const double TextWidth = DocumentStyle.ContentWidth - NumberWidth;

    private readonly DocumentContext context;
    private readonly string reference;
    private readonly List<string> lines;

    public FooterSection(XGraphics graphics, DocumentContext context, SellerDetails seller, string reference)
    {
        this.context = context;
        this.reference = reference;
        var text = context.Text;
        var identity = string.Join(" · ", new[] { seller.Name }.Concat(seller.AddressLines));
        var siren = new string([.. seller.Siret.Where(char.IsAsciiDigit).Take(9)]);
        var legal = string.Join(" · ", new[]
        {
            seller.LegalForm,
            seller.TradeRegister is { } register && siren.Length == 9 ? $"{register} {siren[..3]} {siren[3..6]} {siren[6..]}" : seller.TradeRegister,
            $"{text.Siret} {seller.Siret}",
            seller.VatNumber is { } vat ? $"{text.VatNumber} {vat}" : null,
            seller.TravelOperatorRegistration is { } registration ? $"{text.Registration} {registration}" : null,
        }.Where(p => p is not null));
        var contact = string.Join(" · ", new[] { seller.Email, seller.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
        lines = new[] { identity, legal, contact }
            .SelectMany(l => TextLayout.Wrap(graphics, l, context.Style.Footer, TextWidth))
            .ToList();
    }

    public double Height => 8 + LineHeight * Math.Max(lines.Count, 2);

    public double Top => DocumentStyle.PageHeight - DocumentStyle.MarginBottom - Height;

    public void DrawOn(IReadOnlyList<PdfPage> pages)
    {
        var style = context.Style;
        for (var index = 0; index < pages.Count; index++)
        {
            using var graphics = XGraphics.FromPdfPage(pages[index], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(style.Rule, DocumentStyle.Left, Top, DocumentStyle.Right, Top);
            var y = Top + 8 + LineHeight - 2;
            foreach (var line in lines)
            {
                graphics.DrawString(line, style.Footer, style.Muted, DocumentStyle.Left, y);
                y += LineHeight;
            }

            var number = $"{context.Text.Page} {index + 1} / {pages.Count}";
            var baseline = Top + 8 + LineHeight - 2;
            TextLayout.DrawRight(graphics, number, style.FooterBold, style.Ink, DocumentStyle.Right, baseline);
            TextLayout.DrawRight(graphics, reference, style.Footer, style.Muted, DocumentStyle.Right, baseline + LineHeight);
        }
    }
}
