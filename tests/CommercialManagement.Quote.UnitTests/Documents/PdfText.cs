using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CommercialManagement.Quote.UnitTests.Documents;

/// <summary>What a reader gets out of the PDF: each page's words, with spaces normalised.</summary>
internal sealed record PdfText(IReadOnlyList<PdfText.PageText> Pages)
{
    public int PageCount => Pages.Count;

    public string All => string.Join("\n", Pages.Select(p => p.Text));

    public string AllRaw => string.Join("\n", Pages.Select(p => p.RawText));

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(page =>
        {
            var words = page.GetWords().ToList();
            var raw = string.Join(" ", words.Select(w => w.Text));
            return new PageText(page.Number, page.Width, page.Height, Normalise(raw), raw, words);
        }).ToList();
        return new PdfText(pages);
    }

    /// <summary>U+00A0 and U+202F both separate digit groups; a test compares with a plain space.</summary>
    public static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    internal sealed record PageText(int Number, double Width, double Height, string Text, string RawText, IReadOnlyList<Word> Words)
    {
        public string TextLeftOf(double x) =>
            Normalise(string.Join(" ", Words.Where(w => w.BoundingBox.Right <= x).Select(w => w.Text)));
    }
}
