using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;

namespace CommercialManagement.Quote.UnitTests.Documents;

public sealed class QuoteDocumentTests
{
    [Fact]
    public void Render_FourLines_TextHoldsTheLinesTotalsAndCustomer()
    {
        var model = QuoteDocumentSamples.Quote();

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        var text = pdf.All;
        Assert.Contains(QuoteDocumentSamples.AccentedCustomer, text);
        Assert.Contains("Chalet Les Mélèzes", text);
        Assert.Contains("Cours de ski collectif ESF", text);
        Assert.Contains("Forfait remontées mécaniques 6 jours", text);
        Assert.Contains("navette depuis la gare de Bourg-Saint-Maurice", text);
        Assert.Contains("DEV-2026-00042", text);
        Assert.Contains("13 février 2027", text);
        Assert.Contains("Total HT", text);
        Assert.Contains(Amount(model.Totals.InclVatCents), text);
        Assert.Contains(Amount(model.Totals.ExclVatCents), text);
        Assert.Contains(Amount(model.Totals.GrandTotalCents), text);
        Assert.Contains(Amount(model.TouristTax!.AmountCents), text);
        Assert.Contains(Amount(model.Deposit.AmountCents), text);
        Assert.Contains(Amount(model.Balance!.AmountCents), text);
        Assert.Contains($"Page 1 / {pdf.PageCount}", text);
    }

    [Fact]
    public void Render_FourLines_AmountsAreWrittenTheFrenchWay()
    {
        var model = QuoteDocumentSamples.Quote();

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        Assert.Contains("1 330,00 €", pdf.All);
        Assert.Contains("5,5 %", pdf.All);
        Assert.Contains("Date d'émission : 29 novembre 2026", pdf.All);
        Assert.DoesNotContain("\u202F", pdf.AllRaw);
    }

    [Fact]
    public void Render_SixtyLines_SpansPagesWithTheTableHeaderOnEachTablePage()
    {
        var model = QuoteDocumentSamples.Quote(lineCount: 60);

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        Assert.True(pdf.PageCount >= 4, $"60 lines on {pdf.PageCount} pages");
        // Read the designation column alone: a wrapped label's second line comes after the row's amounts otherwise.
        var designations = string.Join(" ", pdf.Pages.Select(p => p.TextLeftOf(DocumentStyle.Left + LinesTable.DesignationWidth)));
        foreach (var line in model.Lines)
        {
            Assert.Contains(line.Label, designations);
        }

        var lastLinePage = pdf.Pages.Last(p => p.TextLeftOf(DocumentStyle.Left + LinesTable.DesignationWidth)
            .Contains(model.Lines[^1].Label)).Number;
        Assert.True(lastLinePage >= 3, $"the last line is on page {lastLinePage}");
        foreach (var page in pdf.Pages.Take(lastLinePage))
        {
            Assert.Equal(1, Occurrences(page.Text, "Désignation Qté P.U. TTC TVA Montant TTC"));
        }

        foreach (var page in pdf.Pages)
        {
            Assert.Contains($"Page {page.Number} / {pdf.PageCount}", page.Text);
        }
    }

    [Fact]
    public void Render_Voided_SaysAnnuleWithTheReason()
    {
        var model = QuoteDocumentSamples.Quote(state: QuoteDocumentState.Voided);

        var firstPage = PdfText.Read(QuoteDocument.Render(model)).Pages[0].Text;

        Assert.Contains("ANNULÉ", firstPage);
        Assert.Contains("Les dates du séjour ont changé", firstPage);
    }

    [Fact]
    public void Render_Draft_SaysBrouillon()
    {
        var text = PdfText.Read(QuoteDocument.Render(QuoteDocumentSamples.Quote(state: QuoteDocumentState.Draft))).All;

        Assert.Contains("Brouillon", text);
    }

    [Fact]
    public void Render_TermsOfSale_AppearInFull()
    {
        var text = PdfText.Read(QuoteDocument.Render(QuoteDocumentSamples.Quote())).All;

        Assert.Contains("Conditions générales de vente", text);
        Assert.Contains("Article 3 – Annulation", text);
        Assert.Contains("médiateur du tourisme et du voyage.", text);
    }

    [Fact]
    public void Render_CancellationTerms_AreASentenceATier_BeforeTheTermsOfSale()
    {
        var text = PdfText.Read(QuoteDocument.Render(QuoteDocumentSamples.Quote(cancellation:
        [
            "Annulation 15 jours ou plus avant l'arrivée : rien n'est retenu.",
            "Annulation de 3 à 14 jours avant l'arrivée : 50 % du montant total est retenu.",
            "Annulation moins de 3 jours avant l'arrivée : 100 % du montant total est retenu.",
        ]))).All;

        Assert.Contains("Annulation 15 jours ou plus avant l'arrivée : rien n'est retenu.", text);
        Assert.Contains("Annulation de 3 à 14 jours avant l'arrivée : 50 % du montant total est retenu.", text);
        Assert.Contains("Annulation moins de 3 jours avant l'arrivée : 100 % du montant total est retenu.", text);
        var block = text.IndexOf("Conditions d'annulation", StringComparison.Ordinal);
        Assert.InRange(block, 0, text.IndexOf("Conditions générales de vente", StringComparison.Ordinal));
        Assert.True(block > text.IndexOf("Total HT", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_InEnglish_CancellationTermsAreInEnglish()
    {
        var text = PdfText.Read(QuoteDocument.Render(QuoteDocumentSamples.Quote(language: DocumentLanguage.English))).All;

        Assert.Contains("Cancellation terms", text);
        Assert.Contains("Cancellation 31 days or more before arrival: the deposit is retained.", text);
        Assert.Contains("Cancellation less than 8 days before arrival: 100% of the total is retained.", text);
        Assert.DoesNotContain("Conditions d'annulation", text);
    }

    [Fact]
    public void Render_WithoutCancellationSentences_HasNoSuchBlock()
    {
        var text = PdfText.Read(QuoteDocument.Render(QuoteDocumentSamples.Quote(cancellation: []))).All;

        Assert.DoesNotContain("Conditions d'annulation", text);
        Assert.Contains("Conditions générales de vente", text);
    }

    [Theory]
    [InlineData(4, "Sent")]
    [InlineData(60, "Voided")]
    [InlineData(25, "Draft")]
    public void Render_AnyQuote_DrawsEveryWordInsideThePageMargins(int lines, string state)
    {
        var terms = string.Join('\n', Enumerable.Repeat(QuoteDocumentSamples.TermsOfSale, 6));
        var model = QuoteDocumentSamples.Quote(lines, Enum.Parse<QuoteDocumentState>(state), terms: terms);

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        foreach (var page in pdf.Pages)
        {
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
        }

        QuoteDocumentEdgeCaseTests.WordsAreInsideTheMargins(pdf);
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static string Amount(long cents) => PdfText.Normalise(new DocumentFormat(DocumentLanguage.French).Money(cents));
}
