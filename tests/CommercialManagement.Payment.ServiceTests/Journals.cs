using System.Globalization;
using System.Net;
using System.Text;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>An accounting journal as the Admin downloads it, its lines read as the accountant would add them up.</summary>
internal static class Journals
{
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
