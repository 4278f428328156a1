using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;

namespace CommercialManagement.Quote.UnitTests.Documents;

public sealed class QuoteDocumentEdgeCaseTests
{
    [Fact]
    public void Render_RowTallerThanAPage_ContinuesOnTheNextPageInsideTheMargins()
    {
        var sample = QuoteDocumentSamples.Quote(lineCount: 3);
        var description = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"mot{i}"));
        var longLine = sample.Lines[1] with
        {
            Label = "Séjour sur mesure " + new string('x', 150) + " avec une désignation qui n'en finit pas",
            Description = description,
        };
        var model = sample with { Lines = [sample.Lines[0], longLine, sample.Lines[2]] };

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        Assert.True(pdf.PageCount >= 3);
        Assert.Contains("mot1 ", pdf.All);
        Assert.Contains("mot900", pdf.All);
        Assert.Contains(sample.Lines[2].Label, string.Join(" ", pdf.Pages.Select(p => p.TextLeftOf(DocumentStyle.Left + LinesTable.DesignationWidth))));
        WordsAreInsideTheMargins(pdf);
    }

    [Fact]
    public void Render_WholeAmountNoTouristTaxInEnglish_SaysFullPaymentOnAcceptance()
    {
        var sample = QuoteDocumentSamples.Quote(lineCount: 2, language: DocumentLanguage.English);
        var model = sample with
        {
            TouristTax = null,
            Totals = sample.Totals with { GrandTotalCents = sample.Totals.InclVatCents },
            Deposit = new DepositInstalment { AmountCents = sample.Totals.InclVatCents },
            Balance = null,
            Stay = sample.Stay with { ChildrenAges = [] , Adults = 1 },
        };

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        Assert.Contains("QUOTE", pdf.All);
        Assert.Contains("Full payment on acceptance", pdf.All);
        Assert.Contains("1 adult", pdf.All);
        Assert.DoesNotContain("Tourist tax", pdf.All);
        Assert.Contains(PdfText.Normalise(new DocumentFormat(DocumentLanguage.English).Money(sample.Totals.InclVatCents)), pdf.All);
        WordsAreInsideTheMargins(pdf);
    }

    [Fact]
    public void Render_LongSellerAndCustomerDetails_WrapInsideTheMargins()
    {
        var sample = QuoteDocumentSamples.Quote(lineCount: 1, state: QuoteDocumentState.Voided);
        var model = sample with
        {
            Seller = sample.Seller with { Name = "Société d'exploitation des hébergements touristiques de la station de Val Nevé et de ses hameaux" },
            Customer = sample.Customer with
            {
                Name = "Élodie Hélène Müller-Çağlar de la Tour d'Auvergne et de Montmorency-Laval",
                AddressLines = ["Résidence « Les Jardins de l'Observatoire », bâtiment C, escalier 4, appartement 1207, 3e étage gauche"],
            },
            Quote = sample.Quote with { VoidReason = string.Join(" ", Enumerable.Repeat("Le client a changé ses dates de séjour.", 8)) },
        };

        var pdf = PdfText.Read(QuoteDocument.Render(model));

        Assert.Contains("Montmorency-Laval", pdf.All);
        Assert.Contains("appartement 1207", pdf.All);
        WordsAreInsideTheMargins(pdf);
    }

    [Fact]
    public async Task Render_EightAtOnce_EveryDocumentIsComplete()
    {
        var models = Enumerable.Range(1, 8).Select(i => QuoteDocumentSamples.Quote(lineCount: i * 3)).ToList();

        var documents = await Task.WhenAll(models.Select(m => Task.Run(() => QuoteDocument.Render(m))));

        foreach (var (model, pdf) in models.Zip(documents.Select(PdfText.Read)))
        {
            Assert.Contains(QuoteDocumentSamples.AccentedCustomer, pdf.All);
            Assert.Contains(PdfText.Normalise(new DocumentFormat(DocumentLanguage.French).Money(model.Totals.GrandTotalCents)), pdf.All);
        }
    }

    internal static void WordsAreInsideTheMargins(PdfText pdf)
    {
        foreach (var page in pdf.Pages)
        {
            foreach (var word in page.Words)
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0 && box.Top <= page.Height,
                    $"« {word.Text} » at {box} is off page {page.Number}");
            }

            // The state's watermark crosses the page diagonally; everything else keeps to the margins.
            foreach (var word in page.Words.Where(w => w.Text is not ("ANNULÉ" or "BROUILLON")))
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= DocumentStyle.MarginX - 1 && box.Right <= page.Width - DocumentStyle.MarginX + 1
                    && box.Bottom >= DocumentStyle.MarginBottom - 1 && box.Top <= page.Height - DocumentStyle.MarginTop + 1,
                    $"« {word.Text} » at {box} on page {page.Number}");
            }
        }
    }
}
