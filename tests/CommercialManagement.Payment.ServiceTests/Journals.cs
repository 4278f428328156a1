using System.Globalization;
using System.Net;
using System.Text;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>An accounting journal as the Admin downloads it, its lines read as the accountant would add them up.</summary>
internal static class Journals
{
    /// <summary>The organisation's own sales and VAT accounts for 10 % and 20 % (the rest on the general accounts).</summary>
    public static readonly AccountingSettings Accounts = new()
    {
        ByRate =
        [
            new VatRateAccounts { RateBasisPoints = 1000, SalesAccount = "706100", VatAccount = "445712" },
            new VatRateAccounts { RateBasisPoints = 2000, SalesAccount = "706200", VatAccount = "445711" },
        ],
    };

    /// <summary>An organisation with a SIRET and <see cref="Accounts"/>: its copy must hold them before anything is exported.</summary>
    public static async Task<Scenario> OrganisationAsync(PaymentFactory factory)
    {
        var scenario = await Scenario.NewAsync(factory);
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = "Chalet des Mélèzes", Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", Siret = "81234567800019", ContactEmail = "contact@example.fr", DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30,
            QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé", Accounting = Accounts,
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"Accounting\"::text LIKE '%706100%' AND \"Siret\" IS NOT NULL", scenario.OrganisationId) == 1,
            TimeSpan.FromSeconds(20)));
        return scenario;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The journal's lines of the period, its header and totals left off, split on « ; » (none of these cells is quoted).</summary>
    public static async Task<List<string[]>> ReadAsync(PaymentFactory factory, Scenario scenario, string file, DateOnly from, DateOnly to)
    {
        var response = await factory.CreateStaffClient(scenario.OrganisationId, StaffClaims.AdminRole).GetAsync($"/api/payments/exports/{file}?from={Day(from)}&to={Day(to)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..^1].Select(l => l.Split(';'))];
    }

    public static long Cents(string euros) => (long)(decimal.Parse(euros, CultureInfo.GetCultureInfo("fr-FR")) * 100);

    /// <summary>What an account was credited over the lines, less what it was debited.</summary>
    public static long Credited(IEnumerable<string[]> lines, string account) => lines.Where(l => l[4] == account).Sum(l => Cents(l[10]) - Cents(l[9]));
}
