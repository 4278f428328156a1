using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// « Exports » (issue 19): the sales and bank journals, the FEC and the tourist-tax statement, read as the accountant and
/// the commune would read them: amounts to the cent, every entry balanced, reversals, period boundaries, one organisation.
/// </summary>
public sealed class ExportsTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly DateOnly Today = ParisTime.Today(TimeProvider.System);

    private Task<Scenario> OrganisationAsync() => Journals.OrganisationAsync(factory);

    private HttpClient Admin(Scenario scenario) => factory.CreateStaffClient(scenario.OrganisationId, StaffClaims.AdminRole);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A CSV export's lines, checked for the BOM and split on « ; » (none of these cells is quoted).</summary>
    private static async Task<List<string[]>> CsvAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';'))];
    }

    private static long Cents(string euros) => (long)(decimal.Parse(euros, CultureInfo.GetCultureInfo("fr-FR")) * 100);

    /// <summary>Each entry's debits equal its credits, and the totals line says the sums of the lines.</summary>
    private static void Balanced(List<string[]> csv)
    {
        var lines = csv[1..^1];
        foreach (var entry in lines.GroupBy(l => l[1]))
        {
            Assert.Equal(entry.Sum(l => Cents(l[9])), entry.Sum(l => Cents(l[10])));
        }

        var total = csv[^1];
        Assert.Equal("Total", total[0]);
        Assert.Equal((lines.Sum(l => Cents(l[9])), lines.Sum(l => Cents(l[10]))), (Cents(total[9]), Cents(total[10])));
        Assert.Equal(Cents(total[9]), Cents(total[10]));
    }

    private static long Credited(List<string[]> csv, string account) => csv[1..^1].Where(l => l[4] == account).Sum(l => Cents(l[10]) - Cents(l[9]));

    [Fact]
    public async Task DepositThenBalance_PostTheQuoteExactlyOnce_PerRate_AndTheBankJournalTheMoney()
    {
        var scenario = await OrganisationAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "BankTransfer", "VIR-ACOMPTE", Day(Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-SOLDE", Day(Today))).StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 2, TimeSpan.FromSeconds(20)));

        var sales = await CsvAsync(await Admin(scenario).GetAsync($"/api/payments/exports/sales-journal.csv?from={Day(Today)}&to={Day(Today)}"));

        Assert.Equal("Journal;N° d'écriture;Date;Pièce;Compte;Libellé du compte;Compte auxiliaire;Libellé auxiliaire;Libellé;Débit (€);Crédit (€)", string.Join(';', sales[0]));
        Balanced(sales);
        Assert.Equal(["1", "2"], sales[1..^1].Select(l => l[1]).Distinct());
        Assert.All(sales[1..^1], l => Assert.Equal(("VE", Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), (l[0], l[2])));
        // The deposit invoice and the final invoice (deposit deducted) together post the accepted quote: 1 000,00 € TTC.
        Assert.Equal(-100_000, Credited(sales, "411000"));
        Assert.Equal((76_364L, 7_636L), (Credited(sales, "706100"), Credited(sales, "445712")));
        Assert.Equal((10_000L, 2_000L), (Credited(sales, "706200"), Credited(sales, "445711")));
        Assert.Equal(4_000, Credited(sales, "467100"));
        // The deposit invoice alone: 300,00 € shared as the quote is (840 / 120 / 40).
        var deposit = sales[1..^1].Where(l => l[1] == "1").ToList();
        Assert.StartsWith("FA-", deposit[0][3], StringComparison.Ordinal);
        Assert.Equal(30_000, deposit.Where(l => l[4] == "411000").Sum(l => Cents(l[9])));
        Assert.Equal(1_200, deposit.Where(l => l[4] == "467100").Sum(l => Cents(l[10])));
        Assert.All(sales[1..^1].Where(l => l[4] == "411000"), l => Assert.Equal(("Élodie Martin", 9), (l[7], l[6].Length)));

        var bank = await CsvAsync(await Admin(scenario).GetAsync($"/api/payments/exports/bank-journal.csv?from={Day(Today)}&to={Day(Today)}"));
        Balanced(bank);
        Assert.Equal((100_000L, 100_000L), (-Credited(bank, "512000"), Credited(bank, "411000")));
        Assert.Equal(["VIR-ACOMPTE", "CHQ-SOLDE"], bank[1..^1].Select(l => l[3]).Distinct());
    }

    [Fact]
    public async Task ARefund_IsReversed_InTheBankJournal_AndItsCreditNote_InTheSalesJournal()
    {
        var scenario = await OrganisationAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var paid = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 30_000, "BankTransfer", "VIR-1", Day(Today)));
        var paymentId = paid.GetProperty("payments")[0].GetProperty("id").GetGuid();
        var refund = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds", new
        {
            purpose = "Goodwill", paymentId, amountCents = 5_000, reason = "Geste commercial", method = "BankTransfer", reference = "VIR-REMB-9", refundedOn = Day(Today),
        });
        Assert.True(refund.IsSuccessStatusCode, await refund.Content.ReadAsStringAsync());

        var bank = await CsvAsync(await Admin(scenario).GetAsync($"/api/payments/exports/bank-journal.csv?from={Day(Today)}&to={Day(Today)}"));
        Balanced(bank);
        var back = bank[1..^1].Where(l => l[3] == "VIR-REMB-9").ToList();
        var customer = back.Single(l => l[4] == "411000");
        Assert.Equal((5_000L, 0L), (Cents(customer[9]), Cents(customer[10])));
        Assert.Equal(5_000, Cents(back.Single(l => l[4] == "512000")[10]));
        Assert.Equal(-25_000, Credited(bank, "512000"));

        var sales = await CsvAsync(await Admin(scenario).GetAsync($"/api/payments/exports/sales-journal.csv?from={Day(Today)}&to={Day(Today)}"));
        Balanced(sales);
        var credit = sales[1..^1].Where(l => l[3].StartsWith("AV-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5_000, Cents(credit.Single(l => l[4] == "411000")[10]));
        Assert.Equal(5_000, credit.Where(l => l[4] != "411000").Sum(l => Cents(l[9])));
        Assert.Equal(-25_000, Credited(sales, "411000"));
    }

    [Fact]
    public async Task ThePeriod_CountsParisDaysBothIncluded_AndAnotherOrganisationsMoneyNever()
    {
        var scenario = await OrganisationAsync();
        var other = await OrganisationAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var otherCase = await other.AcceptedCaseAsync(content: Scenario.Content());
        var (before, first, last) = (Today.AddDays(-10), Today.AddDays(-9), Today.AddDays(-2));
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 10_000, "BankTransfer", "AVANT", Day(before))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 20_000, "BankTransfer", "PREMIER", Day(first))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "BankTransfer", "DERNIER", Day(last))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 40_000, "BankTransfer", "APRES", Day(last.AddDays(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PayAsync(otherCase, 20_000, "BankTransfer", "AUTRE", Day(first))).StatusCode);

        var bank = await CsvAsync(await Admin(scenario).GetAsync($"/api/payments/exports/bank-journal.csv?from={Day(first)}&to={Day(last)}"));

        Assert.Equal(["PREMIER", "DERNIER"], bank[1..^1].Select(l => l[3]).Distinct());
        Assert.Equal(50_000, -Credited(bank, "512000"));
    }

    [Fact]
    public async Task TheFec_HasThe18Columns_ItsName_ItsFormats_AndBalancedSequentialEntriesPerJournal()
    {
        var scenario = await OrganisationAsync();
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "BankTransfer", "VIR|1", Day(Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2", Day(Today))).StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 2, TimeSpan.FromSeconds(20)));

        var response = await Admin(scenario).GetAsync($"/api/payments/exports/fec.txt?from={Day(Today.AddDays(-3))}&to={Day(Today)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"812345678FEC{Today:yyyyMMdd}.txt", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding("iso-8859-15").GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToList();
        Assert.Equal(
            "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise",
            string.Join('|', lines[0]));
        var rows = lines[1..];
        Assert.All(rows, r => Assert.Equal(18, r.Length));
        Assert.All(rows, r => Assert.Equal(Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture), r[3]));
        Assert.All(rows, r => Assert.Matches(@"^\d+,\d{2}$", r[11]));
        Assert.Contains(rows, r => r[8] == "VIR 1");
        foreach (var journal in rows.GroupBy(r => r[0]))
        {
            var numbers = journal.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            Assert.All(journal.GroupBy(r => r[2]), entry => Assert.Equal(entry.Sum(r => Cents(r[11])), entry.Sum(r => Cents(r[12]))));
        }

        Assert.Equal(["BQ", "VE"], rows.Select(r => r[0]).Distinct().Order());
        Assert.Equal(rows.Sum(r => Cents(r[11])), rows.Sum(r => Cents(r[12])));
    }

    [Fact]
    public async Task TouristTax_CountsTheStaysNightsInThePeriod_AdultsLiable_MinorsExempt()
    {
        var scenario = await OrganisationAsync();
        var content = Scenario.Content() with
        {
            ChildrenAges = [8, 17],
            Lines = [Scenario.Content().Lines[0] with { TouristTaxAdults = 2, TouristTaxNights = 7, TouristTaxCentsPerAdultNight = 200, TouristTaxCents = 2_800 }, Scenario.Content().Lines[1]],
            TouristTaxCents = 2_800, TotalCents = 98_800,
        };
        await scenario.AcceptedCaseAsync(content: content);
        var other = await OrganisationAsync();
        await other.AcceptedCaseAsync(content: content);

        // The stay runs 13 to 20 February 2027: the nights of the 15th to the 19th fall in the second half of the month.
        var csv = await CsvAsync(await Admin(scenario).GetAsync("/api/payments/exports/tourist-tax.csv?from=2027-02-15&to=2027-02-28"));

        Assert.Equal("Devis;Client;Arrivée;Départ;Nuits dans la période;Personnes;Assujettis (adultes);Exonérés (mineurs);Nuitées taxées;Tarif par adulte et par nuit (€);Montant (€)", string.Join(';', csv[0]));
        var stay = Assert.Single(csv[1..^1]);
        Assert.Equal(["DEV-2026-00042", "Élodie Martin", "13/02/2027", "20/02/2027", "5", "4", "2", "2", "10", "2,00", "20,00"], stay);
        Assert.Equal(["Total", "1 séjour", "", "", "5", "4", "2", "2", "10", "", "20,00"], csv[^1]);

        var before = await CsvAsync(await Admin(scenario).GetAsync("/api/payments/exports/tourist-tax.csv?from=2027-01-01&to=2027-02-12"));
        Assert.Equal(2, before.Count);

        // The whole stay in February: 7 nights × 2 adults at 2,00 €.
        var pdf = await Admin(scenario).GetAsync("/api/payments/exports/tourist-tax.pdf?from=2027-02-01&to=2027-02-28");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Assert.Contains("TAXE DE SÉJOUR", text, StringComparison.Ordinal);
        Assert.Contains("DEV-2026-00042 · Élodie Martin · du 13/02/2027 au 20/02/2027 : 7 nuit(s) dans la période", text, StringComparison.Ordinal);
        Assert.Contains("14 nuitée(s) à 2,00 € : 28,00 €", text, StringComparison.Ordinal);
        Assert.Contains("Taxe de séjour collectée : 28,00 €", text, StringComparison.Ordinal);
    }

    /// <summary>A party in two flats: two taxed rows, one party in the totals (its persons and minors counted once).</summary>
    [Fact]
    public async Task TouristTax_CountsAPartyOnce_WhenItsStayHasTwoTaxedLines()
    {
        var scenario = await OrganisationAsync();
        var flat = Scenario.Content().Lines[0] with { TouristTaxAdults = 1, TouristTaxNights = 7, TouristTaxCentsPerAdultNight = 200, TouristTaxCents = 1_400 };
        var content = Scenario.Content() with
        {
            ChildrenAges = [8, 17],
            Lines = [flat, flat with { Label = "Deuxième appartement" }, Scenario.Content().Lines[1]],
            TouristTaxCents = 2_800, TotalCents = 98_800,
        };
        await scenario.AcceptedCaseAsync(content: content);

        var csv = await CsvAsync(await Admin(scenario).GetAsync("/api/payments/exports/tourist-tax.csv?from=2027-02-01&to=2027-02-28"));

        Assert.Equal(2, csv[1..^1].Count);
        Assert.Equal(["Total", "1 séjour", "", "", "14", "4", "2", "2", "14", "", "28,00"], csv[^1]);
    }

    [Theory]
    [InlineData("", "Période manquante ou illisible.")]
    [InlineData("?from=9999-12-01&to=9999-12-31", "Période hors limites.")]
    [InlineData("?from=0001-01-01&to=0001-01-31", "Période hors limites.")]
    [InlineData("?from=2027-01-31&to=2027-01-01", "Période inversée.")]
    [InlineData("?from=2025-01-01&to=2027-01-01", "Période trop longue.")]
    [InlineData("?from=01/01/2027&to=2027-01-31", "Période manquante ou illisible.")]
    public async Task ABadPeriod_Is400_InFrench(string query, string title)
    {
        var scenario = await OrganisationAsync();

        var response = await Admin(scenario).GetAsync("/api/payments/exports/sales-journal.csv" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnAgent_IsRefused_EveryExport()
    {
        var scenario = await OrganisationAsync();

        foreach (var file in new[] { "sales-journal.csv", "bank-journal.csv", "fec.txt", "tourist-tax.csv", "tourist-tax.pdf" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Agent.GetAsync($"/api/payments/exports/{file}?from=2027-01-01&to=2027-01-31")).StatusCode);
        }
    }
}
