using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>The quote's PDF through the API: what the customer reads, from the stored quote; another organisation gets nothing.</summary>
public sealed class QuotePdfTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    [Fact]
    public async Task Pdf_HoldsTheNumberLinesCustomerAndTotal_AndSaysAnnuleOnceVoided()
    {
        var scenario = await Scenario.NewAsync(factory, prefix: "PDF");
        var caseId = await scenario.CaseAsync();
        await scenario.AddLineAsync(caseId, await scenario.ChaletAsync(name: "Chalet des Cimes"));
        await scenario.AddCustomAsync(caseId, unitPriceCents: 4_500);
        var quote = await scenario.QuoteAsync(caseId);
        var quoteId = quote.GetProperty("id").GetGuid();
        var customer = await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Hélène Müller", address = "4 rue des Tanneurs\n67000 Strasbourg", email = "elodie@example.fr" });
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);

        var response = await scenario.Agent.GetAsync($"/api/quotes/{quoteId}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(quote.GetProperty("number").GetString()!, text);
        Assert.Contains("Chalet des Cimes", text);
        Assert.Contains("Panier garni", text);
        Assert.Contains("Élodie Hélène Müller", text);
        Assert.Contains("1 473,00 €", text);

        var voided = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/void", new { reason = "Le client part ailleurs." });
        Assert.True(voided.IsSuccessStatusCode, await voided.Content.ReadAsStringAsync());
        var after = Text(await scenario.Agent.GetByteArrayAsync($"/api/quotes/{quoteId}/pdf"));
        Assert.Contains("ANNULÉ", after);
        Assert.Contains("Le client part ailleurs.", after);
    }

    [Fact]
    public async Task PdfOfAVersion_IsThatVersionAsSent_MarkedReplaced_WhileTheCurrentOneHoldsTheNewLines()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddCustomAsync(caseId, unitPriceCents: 4_500);
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Anaïs Brûlé", address = "Lyon", email = "anais@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        await scenario.AddCustomAsync(caseId, unitPriceCents: 1_000, quantity: 3);

        var first = await scenario.Agent.GetAsync($"/api/quotes/{quoteId}/pdf?version=1");
        var current = Text(await scenario.Agent.GetByteArrayAsync($"/api/quotes/{quoteId}/pdf?version=2"));
        var missing = await scenario.Agent.GetAsync($"/api/quotes/{quoteId}/pdf?version=7");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.EndsWith("-v1.pdf", first.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("inline", first.Content.Headers.ContentDisposition?.DispositionType); // « Voir le PDF » shows it in the browser
        var sent = Text(await first.Content.ReadAsByteArrayAsync());
        Assert.Contains("Anaïs Brûlé", sent);
        Assert.Contains("45,00 €", sent);
        Assert.DoesNotContain("75,00 €", sent);
        Assert.Contains("Version 1 remplacée par la version 2.", sent);
        Assert.Contains("75,00 €", current);
        Assert.DoesNotContain("remplacée", current);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Version introuvable.", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pdf_PrintsTheOrganisationsCancellationTerms_BeforeItsTermsOfSale()
    {
        var scenario = await Scenario.NewAsync(factory, kind: "SkiSchool", cancellationTerms:
        [
            new() { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
            new() { MinDaysBeforeArrival = 15, RetainedPercent = 0 },
            new() { MinDaysBeforeArrival = 3, RetainedPercent = 50 },
        ]);
        var caseId = await scenario.CaseAsync();
        await scenario.AddCustomAsync(caseId, unitPriceCents: 4_500);
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();

        var text = Text(await scenario.Agent.GetByteArrayAsync($"/api/quotes/{quoteId}/pdf"));

        Assert.Contains("Conditions d'annulation", text);
        Assert.Contains("Annulation 15 jours ou plus avant l'arrivée : rien n'est retenu.", text);
        Assert.Contains("Annulation de 3 à 14 jours avant l'arrivée : 50 % du montant total est retenu.", text);
        Assert.Contains("Annulation moins de 3 jours avant l'arrivée : 100 % du montant total est retenu.", text);
        Assert.DoesNotContain("l'acompte est retenu", text);
        Assert.True(text.IndexOf("Conditions d'annulation", StringComparison.Ordinal) < text.IndexOf("Conditions générales de vente", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_OfAnOrganisationWithoutTermsOfItsOwn_PrintsTheDefaults_InTheCustomersLanguage()
    {
        var scenario = await Scenario.NewAsync(factory);
        var french = await scenario.CaseAsync();
        var english = await scenario.CaseAsync(language: "en");
        await scenario.AddCustomAsync(french, unitPriceCents: 4_500);
        await scenario.AddCustomAsync(english, unitPriceCents: 4_500);
        var frenchQuote = (await scenario.QuoteAsync(french)).GetProperty("id").GetGuid();
        var englishQuote = (await scenario.QuoteAsync(english)).GetProperty("id").GetGuid();

        var inFrench = Text(await scenario.Agent.GetByteArrayAsync($"/api/quotes/{frenchQuote}/pdf"));
        var inEnglish = Text(await scenario.Agent.GetByteArrayAsync($"/api/quotes/{englishQuote}/pdf"));

        Assert.Contains("Annulation 31 jours ou plus avant l'arrivée : l'acompte est retenu.", inFrench);
        Assert.Contains("Annulation de 8 à 30 jours avant l'arrivée : 50 % du montant total est retenu.", inFrench);
        Assert.Contains("Annulation moins de 8 jours avant l'arrivée : 100 % du montant total est retenu.", inFrench);
        Assert.Contains("Cancellation terms", inEnglish);
        Assert.Contains("Cancellation 31 days or more before arrival: the deposit is retained.", inEnglish);
        Assert.Contains("Cancellation 8 to 30 days before arrival: 50% of the total is retained.", inEnglish);
        Assert.Contains("Cancellation less than 8 days before arrival: 100% of the total is retained.", inEnglish);
    }

    [Fact]
    public async Task Pdf_OfAnotherOrganisationsQuote_Is404()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddCustomAsync(caseId);
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();
        var other = await Scenario.NewAsync(factory);

        var response = await other.Agent.GetAsync($"/api/quotes/{quoteId}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Devis introuvable.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
