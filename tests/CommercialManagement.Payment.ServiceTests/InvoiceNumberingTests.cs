using System.Net;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// Invoices are numbered in one continuous chronological series per organisation (issue 16): no gap and no duplicate, even
/// with fifty issued at once; a transaction that rolls back gives its number back.
/// </summary>
public sealed class InvoiceNumberingTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly int Year = CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System).Year;

    [Fact]
    public async Task FiftyDepositsAtOnce_GetFactureDAcompteNumbersOneToFifty_InTheOrderTheyWereIssued()
    {
        var scenario = await Scenario.NewAsync(factory);
        var cases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => scenario.AcceptedCaseAsync(content: Scenario.Content())));

        var responses = await Task.WhenAll(cases.Select((caseId, i) => scenario.PayAsync(caseId, 30_000, reference: $"VIR-{i}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var issued = await InvoicesAsync(scenario.OrganisationId);
        Assert.Equal(Enumerable.Range(1, 50), issued.Select(i => i.Sequence).Order());
        Assert.Equal(50, issued.Select(i => i.Number).Distinct().Count());
        Assert.All(issued, i => Assert.Equal($"FA-{Year}-{i.Sequence:D5}", i.Number));
        Assert.Equal(issued.OrderBy(i => i.Sequence).Select(i => i.Sequence), issued.OrderBy(i => i.IssuedAt).Select(i => i.Sequence));
        Assert.Equal(cases.Order(), issued.Select(i => i.RequestId).Order());
        Assert.Equal(50, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%InvoiceIssued' AND payload->>'organisationId' = @p0", scenario.OrganisationId.ToString()));
    }

    [Fact]
    public async Task ARolledBackIssue_GivesItsNumberBack_AndEachOrganisationHasItsOwnSeries()
    {
        var organisation = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organisation);
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await db.NextNumberAsync(organisation, "FA", Year, CancellationToken.None));
            await committed.CommitAsync();
        }

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await db.NextNumberAsync(organisation, "FA", Year, CancellationToken.None));
            await rolledBack.RollbackAsync();
        }

        await using var next = await db.Database.BeginTransactionAsync();
        Assert.Equal(2, await db.NextNumberAsync(organisation, "FA", Year, CancellationToken.None));
        Assert.Equal(1, await db.NextNumberAsync(organisation, "AV", Year, CancellationToken.None));
        Assert.Equal(1, await db.NextNumberAsync(other, "FA", Year, CancellationToken.None));
        Assert.Equal(1, await db.NextNumberAsync(organisation, "FA", Year + 1, CancellationToken.None));
        await next.CommitAsync();
    }

    [Fact]
    public async Task TheDepositThenTheBalance_TheLedgerListsTheFactureDAcompte_ThenTheFinalInvoice()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());

        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, reference: "VIR-1")).StatusCode);
        var afterBalance = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2"));

        var invoices = afterBalance.GetProperty("invoices").EnumerateArray()
            .Select(i => (i.GetProperty("number").GetString(), i.GetProperty("kindLabel").GetString(), i.GetProperty("amountCents").GetInt64())).ToList();
        Assert.Equal([($"FA-{Year}-00001", "Facture d'acompte", 30_000L), ($"FA-{Year}-00002", "Facture", 100_000L)], invoices);
        var final = JsonDocument.Parse(await factory.ScalarTextAsync(
            "SELECT \"Content\"::text FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final'", caseId)).RootElement;
        Assert.Equal([$"FA-{Year}-00001"], final.GetProperty("deducted").EnumerateArray().Select(d => d.GetProperty("number").GetString()));
        Assert.Equal(0, final.GetProperty("dueCents").GetInt64());
    }

    [Fact]
    public async Task AnOrganisationInvoicingOnProcessing_GetsItsFinalInvoiceFromDossierProcessed_Once_WithWhatIsStillDue()
    {
        var scenario = await Scenario.NewAsync(factory);
        await scenario.PublishAsync(new CommercialManagement.Contracts.Identity.OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = "Chalet des Mélèzes", Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", ContactEmail = "contact@example.fr", DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30,
            QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé", FinalInvoiceWhen = "Processed",
        });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync(
            "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"FinalInvoiceWhenProcessed\"", scenario.OrganisationId) == 1, TimeSpan.FromSeconds(20)));
        var caseId = await scenario.AcceptedCaseAsync(content: Scenario.Content());
        await scenario.PayAsync(caseId, 30_000, reference: "VIR-1");
        var processed = new CommercialManagement.Contracts.Dossier.DossierProcessed { OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId };

        await scenario.PublishAsync(processed);
        await scenario.PublishAsync(processed with { OccurredAt = DateTimeOffset.UtcNow });

        Assert.True(await Eventually.TrueAsync(async () =>
            await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final' AND \"Sequence\" > 0", caseId) == 1,
            TimeSpan.FromSeconds(20)), "« Commande traitée » issued no final invoice.");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final'", caseId));
        var final = JsonDocument.Parse(await factory.ScalarTextAsync("SELECT \"Content\"::text FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = 'Final'", caseId)).RootElement;
        Assert.Equal(70_000, final.GetProperty("dueCents").GetInt64());
        Assert.Equal([$"FA-{Year}-00001"], final.GetProperty("deducted").EnumerateArray().Select(d => d.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task AnAcceptanceWithoutContent_AsBeforeInvoices_GetsNoInvoice()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        var ledger = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 30_000));

        Assert.Empty(ledger.GetProperty("invoices").EnumerateArray());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0", caseId));
    }

    private async Task<List<(int Sequence, string Number, DateTimeOffset IssuedAt, Guid RequestId)>> InvoicesAsync(Guid organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        return [.. (await db.Invoices.AsNoTracking().ToListAsync()).Select(i => (i.Sequence, i.Number, i.IssuedAt, i.RequestId))];
    }
}
