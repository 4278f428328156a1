using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>Bad input is refused with a message a person can act on, and nothing is stored.</summary>
public sealed class RefusalTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private async Task<(Scenario Scenario, Guid Case)> CaseAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        return (scenario, await scenario.CaseAsync());
    }

    private async Task AssertNothingStoredAsync(Guid caseId)
    {
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0", caseId.ToString()));
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await Scenario.JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Theory]
    [InlineData(700)]
    [InlineData(-550)]
    public async Task CustomLine_AnUnknownVatRate_IsRefused(int rate)
    {
        var (scenario, caseId) = await CaseAsync();

        var message = await ErrorAsync(await scenario.AddCustomAsync(caseId, vat: rate), "vatRateBasisPoints");

        Assert.Contains("5,5 %", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task CustomLine_ANegativeOrZeroQuantity_IsRefused(int quantity)
    {
        var (scenario, caseId) = await CaseAsync();

        Assert.Contains("quantité", await ErrorAsync(await scenario.AddCustomAsync(caseId, quantity: quantity), "quantity"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task CustomLine_ANegativePrice_IsRefused()
    {
        var (scenario, caseId) = await CaseAsync();

        Assert.Contains("prix unitaire", await ErrorAsync(await scenario.AddCustomAsync(caseId, unitPriceCents: -100), "unitPriceCents"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogueLine_OutsideTheStay_IsRefusedNamingBothPeriods()
    {
        var (scenario, caseId) = await CaseAsync();
        var chalet = await scenario.ChaletAsync();

        var message = await ErrorAsync(await scenario.AddLineAsync(caseId, chalet, "2027-02-10", "2027-02-17"), "from");

        Assert.Contains("sortent du séjour (13/02/2027 – 20/02/2027)", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
        Assert.Equal(0, await factory.CountAsync("SELECT sum(\"Held\") FROM availability WHERE \"ProductId\" = @p0", chalet));
    }

    [Fact]
    public async Task CatalogueLine_ANegativeQuantity_IsRefused()
    {
        var (scenario, caseId) = await CaseAsync();

        Assert.Contains("quantité", await ErrorAsync(await scenario.AddLineAsync(caseId, await scenario.ChaletAsync(), quantity: -1), "quantity"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task CatalogueLine_AnUnknownProduct_IsRefused()
    {
        var (scenario, caseId) = await CaseAsync();

        Assert.Contains("Produit inconnu", await ErrorAsync(await scenario.AddLineAsync(caseId, Guid.NewGuid()), "productId"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task PatchLine_AZeroQuantity_IsRefused_AndTheLineIsUnchanged()
    {
        var (scenario, caseId) = await CaseAsync();
        var quote = await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId, quantity: 2));
        var (quoteId, lineId) = (quote.GetProperty("id").GetGuid(), quote.GetProperty("lines")[0].GetProperty("id").GetGuid());

        var response = await scenario.Agent.PatchAsJsonAsync($"/api/quotes/{quoteId}/lines/{lineId}", new { quantity = 0 });

        Assert.Contains("quantité", await ErrorAsync(response, "quantity"), StringComparison.Ordinal);
        Assert.Equal(2, (await scenario.QuoteAsync(caseId)).GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Customer_AnInvalidEmail_IsRefused()
    {
        var (scenario, caseId) = await CaseAsync();
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();

        var response = await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie", address = "Lyon", email = "pas-un-email" });

        Assert.Contains("e-mail valide", await ErrorAsync(response, "email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acceptance_OfADraft_Is409WithTheReason()
    {
        var (scenario, caseId) = await CaseAsync();
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();

        var response = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Seul un devis envoyé peut être accepté : il est en brouillon.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, (await scenario.QuoteAsync(caseId)).GetProperty("acceptance").ValueKind);
    }

    [Fact]
    public async Task PatchLine_AnUnknownLine_Returns404()
    {
        var (scenario, caseId) = await CaseAsync();
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();

        var response = await scenario.Agent.PatchAsJsonAsync($"/api/quotes/{quoteId}/lines/{Guid.NewGuid()}", new { quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Prestation introuvable.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
    }
}
