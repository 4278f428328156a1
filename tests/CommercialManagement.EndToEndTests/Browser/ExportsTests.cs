using System.Globalization;
using System.Text;
using CommercialManagement.BuildingBlocks.Demo;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>« Exports » on the real system: an admin downloads the bank journal of the month and finds the demo payments in it.</summary>
[Collection(SystemCollection.Name)]
public sealed class ExportsTests(SystemFixture system)
{
    [Fact]
    public async Task Admin_DownloadsTheBankJournalOfTheMonth_WithTheDemoPayments_BalancedAndTheirOwnOnly()
    {
        // The chalet's demo dossier paid in full: a deposit then the balance by transfer, recorded by the demo story today.
        var paid = DemoCases.All.Where(c => c.OrganisationId == DemoOrganisations.ChaletMelezes && c.Stage is DemoStage.PaidInFull or DemoStage.Processed).ToList();
        Assert.NotEmpty(paid);
        var others = DemoCases.All.Where(c => c.OrganisationId != DemoOrganisations.ChaletMelezes && c.Stage is DemoStage.DepositPaid or DemoStage.PaidInFull).Select(c => c.Name).ToList();

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@chalet-melezes.test");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Exports" }).ClickAsync();
        await page.WaitForURLAsync(new global::System.Text.RegularExpressions.Regex("/exports$"));
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByText("Paiements reçus dans la période")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mois en cours" }).ClickAsync();

        List<string[]> lines = [];
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Journal de banque (CSV)" }).ClickAsync());
            Assert.Matches(@"^journal-banque-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
            var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);
            File.Delete(file);
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            lines = [.. Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';'))];
            if (paid.All(c => lines.Any(l => l[3] == $"VIR-DEMO-{c.Id.ToString()[^4..]}-SOLDE")))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // the demo story may still be paying
        }

        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("exports"), FullPage = true });
        Assert.Equal("Journal;N° d'écriture;Date;Pièce;Compte;Libellé du compte;Compte auxiliaire;Libellé auxiliaire;Libellé;Débit (€);Crédit (€)", string.Join(';', lines[0]));
        var entries = lines[1..^1];
        foreach (var demo in paid)
        {
            // Its deposit and its balance: the bank debited, the customer's own account credited, under the demo customer's name.
            foreach (var piece in new[] { "ACOMPTE", "SOLDE" }.Select(p => $"VIR-DEMO-{demo.Id.ToString()[^4..]}-{p}"))
            {
                var entry = entries.Where(l => l[3] == piece).ToList();
                Assert.Equal(["512000", "411000"], entry.Select(l => l[4]));
                Assert.Equal(demo.Name, entry[1][7]);
                Assert.Equal(Cents(entry[0][9]), Cents(entry[1][10]));
                Assert.True(Cents(entry[0][9]) > 0);
            }
        }

        foreach (var entry in entries.GroupBy(l => l[1]))
        {
            Assert.Equal(entry.Sum(l => Cents(l[9])), entry.Sum(l => Cents(l[10])));
        }

        Assert.Equal(("Total", Cents(lines[^1][9])), (lines[^1][0], Cents(lines[^1][10])));
        Assert.Equal(entries.Sum(l => Cents(l[9])), Cents(lines[^1][9]));
        Assert.DoesNotContain(entries, l => others.Contains(l[7]));
    }

    private static long Cents(string euros) => (long)(decimal.Parse(euros, CultureInfo.GetCultureInfo("fr-FR")) * 100);
}
