using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// A deposit partly refunded, then the balance (issue 19): the final invoice deducts what the deposit invoice and its credit
/// note posted, found whatever period they were exported in, so each sales and VAT account ends on the final invoice's
/// amounts to the cent.
/// </summary>
public sealed class DepositDeductionTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly DateOnly Today = ParisTime.Today(TimeProvider.System);

    [Fact]
    public async Task ADepositAndItsCreditNote_LastPeriod_AndTheFinalInvoice_Now_LeaveEachAccountOnTheFinalInvoice()
    {
        var scenario = await Journals.OrganisationAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        var paid = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 33_333, "BankTransfer", "VIR-1", Journals.Day(Today)));
        var paymentId = paid.GetProperty("payments")[0].GetProperty("id").GetGuid();
        var refund = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/refunds", new
        {
            purpose = "Goodwill", paymentId, amountCents = 7_777, reason = "Geste commercial", method = "BankTransfer", reference = "VIR-REMB", refundedOn = Journals.Day(Today),
        });
        Assert.True(refund.IsSuccessStatusCode, await refund.Content.ReadAsStringAsync());
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 2, TimeSpan.FromSeconds(20)));
        // The deposit invoice and its credit note were issued last month: the final invoice's period holds neither.
        var lastMonth = Today.AddDays(-40);
        await factory.ExecuteAsync($"UPDATE invoices SET \"IssueDate\" = '{Journals.Day(lastMonth)}' WHERE \"RequestId\" = '{caseId}'");
        // A commercial gesture lowers what is owed: the balance is the quote less the deposit.
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 100_000 - 33_333, "Cheque", "CHQ-2", Journals.Day(Today))).StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final' AND \"Sequence\" > 0", caseId) == 1, TimeSpan.FromSeconds(20)));

        var before = await Journals.ReadAsync(factory, scenario, "sales-journal.csv", lastMonth.AddDays(-1), lastMonth.AddDays(1));
        var now = await Journals.ReadAsync(factory, scenario, "sales-journal.csv", Today.AddDays(-5), Today);

        Assert.Equal(2, before.Select(l => l[3]).Distinct().Count());
        Assert.StartsWith("FA-", Assert.Single(now.Select(l => l[3]).Distinct()), StringComparison.Ordinal);
        var final = JsonDocument.Parse(await factory.ScalarTextAsync("SELECT \"Content\"::text FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final'", caseId)).RootElement;
        var life = before.Concat(now).ToList();
        foreach (var rate in final.GetProperty("vatByRate").EnumerateArray())
        {
            var basisPoints = rate.GetProperty("rateBasisPoints").GetInt32();
            Assert.Equal(
                (rate.GetProperty("netCents").GetInt64(), rate.GetProperty("vatCents").GetInt64()),
                (Journals.Credited(life, Journals.Accounts.SalesAccountFor(basisPoints)), Journals.Credited(life, Journals.Accounts.VatAccountFor(basisPoints))));
            Assert.NotEqual(0, Journals.Credited(before, Journals.Accounts.VatAccountFor(basisPoints)));
        }

        Assert.Equal(final.GetProperty("touristTaxCents").GetInt64(), Journals.Credited(life, "467100"));
        Assert.Equal(-100_000, Journals.Credited(life, "411000"));
    }
}
