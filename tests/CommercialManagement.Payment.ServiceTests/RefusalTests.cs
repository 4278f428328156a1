using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Each refusal with its French message, and nothing stored: no payment, no event.</summary>
public sealed class RefusalTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    public static TheoryData<long, string?, string?, int, string, string> BadPayments => new()
    {
        { 0, "BankTransfer", "VIR-1", 0, "amountCents", "Le montant doit être supérieur à zéro" },
        { -500, "Cash", null, 0, "amountCents", "Le montant doit être supérieur à zéro" },
        { 1_000, "Bitcoin", "X", 0, "method", "Moyen de paiement inconnu" },
        { 1_000, null, "X", 0, "method", "Moyen de paiement inconnu" },
        { 1_000, "2", "X", 0, "method", "Moyen de paiement inconnu" },
        { 1_000, "BankTransfer", " ", 0, "reference", "Indiquez la référence du virement." },
        { 1_000, "Cheque", null, 0, "reference", "Indiquez la référence du chèque (son numéro)." },
        { 1_000, "BankTransfer", "VIR-1", 2, "receivedOn", "La date de réception ne peut pas être dans le futur." },
        { 100_001, "BankTransfer", "VIR-1", 0, "amountCents", "Le montant dépasse le reste à payer (1 000,00 €)." },
    };

    [Theory]
    [MemberData(nameof(BadPayments))]
    public async Task OfflinePayment_BadInput_Is400InFrench_AndNothingIsStored(long amount, string? method, string? reference, int daysAhead, string field, string message)
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAhead)).ToString("yyyy-MM-dd");

        var response = await scenario.PayAsync(caseId, amount, method, reference, receivedOn);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Scenario.JsonAsync(response)).GetProperty("errors").GetProperty(field);
        Assert.Contains(message, Normalise(errors[0].GetString()!), StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task OfflinePayment_AboveWhatRemainsAfterADeposit_SaysWhatRemains()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(250_000);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 75_000)).StatusCode);

        var response = await scenario.PayAsync(caseId, 175_001);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Scenario.JsonAsync(response)).GetProperty("errors").GetProperty("amountCents")[0].GetString()!;
        Assert.Equal("Le montant dépasse le reste à payer (1 750,00 €).", Normalise(error));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
    }

    [Fact]
    public async Task OfflinePayment_OnAVoidedQuote_Is409AndNothingIsStored()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync();
        var quoteId = (await scenario.LedgerAsync(caseId)).GetProperty("acceptedQuoteId").GetGuid();
        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = quoteId, Reason = "Les dates ont changé.",
        });
        Assert.True(await Eventually.TrueAsync(async () => (await scenario.LedgerAsync(caseId)).GetProperty("quoteVoided").GetBoolean(), TimeSpan.FromSeconds(20)));

        var response = await scenario.PayAsync(caseId, 10_000);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Le devis DEV-2026-00042 est annulé : aucun paiement ne peut être enregistré sur ce devis.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task OfflinePayment_ACaseWhoseOnlyQuoteWasVoided_Is409_AndAnUnknownCaseIs404()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = Guid.NewGuid(), Reason = "Retiré.",
        });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", caseId) == 1, TimeSpan.FromSeconds(20)));

        var response = await scenario.PayAsync(caseId, 10_000);
        var unknown = await scenario.PayAsync(Guid.NewGuid(), 10_000);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Ce dossier n'a pas de devis accepté : aucun paiement ne peut être enregistré.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Agent.GetAsync($"/api/payments/by-request/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task OfflinePayment_NotJson_Is400()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync();

        var response = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/offline", new { amountCents = "beaucoup", method = "Cash" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStoredAsync(caseId);
    }

    private async Task AssertNothingStoredAsync(Guid caseId)
    {
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(0, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    private static string Normalise(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
