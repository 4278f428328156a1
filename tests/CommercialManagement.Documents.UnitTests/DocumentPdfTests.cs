using UglyToad.PdfPig;

namespace CommercialManagement.Documents.UnitTests;

/// <summary>A document other than a quote, drawn with the kit alone, as an invoice or a credit note would be.</summary>
public sealed class DocumentPdfTests
{
    private static readonly SellerDetails Seller = new()
    {
        Name = "Office de réservation de Val Nevé",
        AddressLines = ["Maison du Tourisme, 12 place de l'Église", "73440 Val Nevé, France"],
        Siret = "812 345 678 00021",
        Email = "reservation@valneve.example",
    };

    [Theory]
    [InlineData(DocumentKind.Invoice, DocumentLanguage.French, "FACTURE")]
    [InlineData(DocumentKind.DepositInvoice, DocumentLanguage.French, "FACTURE D'ACOMPTE")]
    [InlineData(DocumentKind.CreditNote, DocumentLanguage.French, "AVOIR")]
    [InlineData(DocumentKind.Quote, DocumentLanguage.French, "DEVIS")]
    [InlineData(DocumentKind.DepositInvoice, DocumentLanguage.English, "DEPOSIT INVOICE")]
    [InlineData(DocumentKind.CreditNote, DocumentLanguage.English, "CREDIT NOTE")]
    public void Render_AnyKind_TitlesItBesideTheSellerInsideTheMargins(DocumentKind kind, DocumentLanguage language, string title)
    {
        using var pdf = PdfDocument.Open(Render(kind, language, lineCount: 2));

        var page = pdf.GetPage(1);
        var titleWords = page.GetWords().Where(w => title.Split(' ').Contains(w.Text) && w.BoundingBox.Top > page.Height - 80).ToList();
        Assert.Equal(title.Split(' ').Length, titleWords.Count);
        Assert.All(titleWords, w => Assert.True(w.BoundingBox.Left > DocumentStyle.Left + DocumentStyle.ContentWidth * 0.55, $"« {w.Text} » reaches the seller's block"));
        Assert.All(page.GetWords(), w => Assert.InRange(w.BoundingBox.Right, DocumentStyle.Left - 1, DocumentStyle.Right + 1));
        Assert.Equal($"{DocumentText.For(language).Names[kind]} FAC-2027-00012", pdf.Information.Title);
    }

    [Fact]
    public void Render_InvoiceWithAnAdjustment_ShowsItAndTheAmountLeftToPay()
    {
        var text = Text(Render(DocumentKind.Invoice, DocumentLanguage.French, lineCount: 2));

        Assert.Contains("N° FAC-2027-00012", text);
        Assert.DoesNotContain("version", text);
        Assert.Contains("Échéance : 13 février 2027", text);
        Assert.Contains("Acompte versé le 2 décembre 2026 -300,00 €", text);
        Assert.Contains("Reste à payer 700,00 €", text);
        Assert.Contains("PAYÉE", text);
    }

    [Fact]
    public void Render_LongInvoice_RepeatsTheReferenceAndNumbersEveryPage()
    {
        using var pdf = PdfDocument.Open(Render(DocumentKind.Invoice, DocumentLanguage.French, lineCount: 40));

        Assert.True(pdf.NumberOfPages >= 2);
        var second = Normalise(string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text)));
        Assert.StartsWith("Facture FAC-2027-00012", second);
        Assert.Contains($"Page 2 / {pdf.NumberOfPages}", second);
    }

    internal static byte[] Render(DocumentKind kind, DocumentLanguage language, int lineCount, FacturXInvoice? facturX = null)
    {
        var context = DocumentContext.For(language);
        var lines = Enumerable.Range(1, lineCount).Select(i => new DocumentLine
        {
            Label = $"Forfait remontées mécaniques 6 jours (ligne {i})",
            Details = ["2 adultes × 250,00 €"],
            StartDate = new DateOnly(2027, 2, 14),
            EndDate = new DateOnly(2027, 2, 19),
            Quantity = 2,
            UnitPriceInclVatCents = 25_000,
            VatRateBasisPoints = 1000,
            AmountInclVatCents = 50_000,
        }).ToList();
        var inclVat = lines.Sum(l => l.AmountInclVatCents);
        var exclVat = inclVat * 10 / 11;
        var heading = new DocumentHeading
        {
            Kind = kind,
            Number = "FAC-2027-00012",
            IssueDate = new DateOnly(2027, 1, 14),
            MoreDates = [new DocumentDate("Échéance", new DateOnly(2027, 2, 13))],
            Badge = new DocumentBadge("PAYÉE", DocumentTone.Success),
        };
        var customer = new CustomerDetails { Name = "Élodie Müller", AddressLines = ["27 rue des Tanneurs", "67000 Strasbourg"] };
        var stay = new StayDetails { Arrival = new DateOnly(2027, 2, 13), Departure = new DateOnly(2027, 2, 20), Nights = 7, Adults = 2 };
        var totals = new DocumentTotals
        {
            ExclVatCents = exclVat,
            VatCents = inclVat - exclVat,
            InclVatCents = inclVat,
            Adjustments = [new TotalsAdjustment("Acompte versé le 2 décembre 2026", -30_000)],
            GrandTotalCents = inclVat - 30_000,
            GrandTotalLabel = "Reste à payer",
        };
        return DocumentPdf.Render(context, Seller, heading, customer.Name, new PageDecoration { RunningNote = customer.Name }, flow =>
        {
            PartiesPanel.Draw(flow, context, customer, stay);
            LinesTable.Draw(flow, context, lines);
            TotalsSection.Draw(flow, context, totals, [new VatBreakdownRow { RateBasisPoints = 1000, BaseExclVatCents = exclVat, VatCents = inclVat - exclVat }], touristTax: null);
        }, facturX);
    }

    internal static string Text(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return Normalise(string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
