using System.Net;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Payment.Api.Features.Exports;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// A past period's journals exported again after customers were erased (issue 19): each customer keeps their own
/// auxiliary account and the name the invoices keep, as in the export made before; the erased emails appear nowhere.
/// </summary>
public sealed class AccountingAfterErasureTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly DateOnly Today = ParisTime.Today(TimeProvider.System);

    private async Task<Guid> PaidCaseAsync(Scenario scenario, string name, string email)
    {
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content() with { CustomerName = name, CustomerEmail = email });
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "BankTransfer", $"VIR-{caseId:N}"[..12], Journals.Day(Today.AddDays(-12)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", $"CHQ-{caseId:N}"[..12], Journals.Day(Today.AddDays(-5)))).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 2, TimeSpan.FromSeconds(20)));
        return caseId;
    }

    private async Task EraseAsync(Scenario scenario, string email)
    {
        var (erasureId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await scenario.PublishAsync(
            new CustomerErasureRequested
            {
                OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email, RequestIds = [],
                RequestedBy = "Claire Admin",
            },
            messageId);
        await factory.HandledAsync(messageId);
        Assert.True((await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "payment")).RowsChanged > 0);
    }

    private Task<List<string[]>> JournalAsync(Scenario scenario, string file) => Journals.ReadAsync(factory, scenario, file, Today.AddDays(-30), Today);

    [Fact]
    public async Task TwoErasedCustomers_KeepTheirOwnAccountsAndNames_InThePeriodExportedAgain()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var customers = new[] { ($"Anne Roux{unique}", $"anne.{unique}@example.fr"), ($"Bruno Favre{unique}", $"bruno.{unique}@example.fr") };
        var scenario = await Scenario.NewAsync(factory);
        var cases = new List<Guid>();
        foreach (var (name, email) in customers)
        {
            cases.Add(await PaidCaseAsync(scenario, name, email));
        }

        var (salesBefore, bankBefore) = (await JournalAsync(scenario, "sales-journal.csv"), await JournalAsync(scenario, "bank-journal.csv"));

        foreach (var (_, email) in customers)
        {
            await EraseAsync(scenario, email);
        }

        var (salesAfter, bankAfter) = (await JournalAsync(scenario, "sales-journal.csv"), await JournalAsync(scenario, "bank-journal.csv"));

        Assert.Equal(4, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = ANY(@p0) AND \"Content\"->'customer'->>'email' = @p1", cases.ToArray(), ErasedCustomer.Email));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = ANY(@p0) AND \"AcceptedContent\"->>'customerEmail' <> @p1", cases.ToArray(), ErasedCustomer.Email));
        // Each customer's account, by name, in both journals: two, the same before and after the erasure.
        var accounts = salesBefore.Concat(bankBefore).Where(l => l[4] == "411000").Select(l => (Name: l[7], Account: l[6])).Distinct().ToList();
        Assert.Equal(customers.Select(c => c.Item1).Order(StringComparer.Ordinal), accounts.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, accounts.Select(a => a.Account).Distinct().Count());
        Assert.Equal(
            accounts.OrderBy(a => a.Name, StringComparer.Ordinal),
            salesAfter.Concat(bankAfter).Where(l => l[4] == "411000").Select(l => (Name: l[7], Account: l[6])).Distinct().OrderBy(a => a.Name, StringComparer.Ordinal));
        // Nothing else moved: the same entries, labels and amounts, line for line.
        Assert.Equal(salesBefore, salesAfter);
        Assert.Equal(bankBefore, bankAfter);
        var exported = string.Join("\n", salesAfter.Concat(bankAfter).Select(l => string.Join(';', l)));
        Assert.All(customers, c => Assert.DoesNotContain(c.Item2, exported, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(CustomerAccount.Of(ErasedCustomer.Email), exported, StringComparison.Ordinal);
        Assert.DoesNotContain(ErasedCustomer.Name, exported, StringComparison.Ordinal);
    }

    /// <summary>
    /// Erased while the balance was still due: the final invoice issued afterwards is drafted from the emptied case, yet the
    /// journals keep it, with the deposit and both payments, on the customer's own account and name.
    /// </summary>
    [Fact]
    public async Task A_document_issued_after_the_erasure_stays_on_the_customers_own_account()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email) = ($"Chloé Vidal{unique}", $"chloe.{unique}@example.fr");
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content() with { CustomerName = name, CustomerEmail = email });
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, "BankTransfer", $"VIR-{caseId:N}"[..12], Journals.Day(Today.AddDays(-12)))).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 1, TimeSpan.FromSeconds(20)));
        var before = (await JournalAsync(scenario, "sales-journal.csv")).Where(l => l[4] == "411000").Select(l => (Name: l[7], Account: l[6])).Distinct().Single();

        await EraseAsync(scenario, email);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", $"CHQ-{caseId:N}"[..12], Journals.Day(Today))).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == 2, TimeSpan.FromSeconds(20)));

        var lines = (await JournalAsync(scenario, "sales-journal.csv")).Concat(await JournalAsync(scenario, "bank-journal.csv")).ToList();
        var customer = lines.Where(l => l[4] == "411000").ToList();
        Assert.Equal(4, customer.Count); // deposit invoice, final invoice, two payments
        Assert.All(customer, l => Assert.Equal(before, (l[7], l[6])));
        Assert.Equal(0, customer.Sum(l => Journals.Cents(l[9]) - Journals.Cents(l[10]))); // invoiced 1 000 €, paid 1 000 €: settled
        Assert.DoesNotContain(lines, l => l[8].Contains(ErasedCustomer.Name, StringComparison.Ordinal));
    }
}
