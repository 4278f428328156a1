using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>The quote in the customer space, called by the gateway with a customer token for one case.</summary>
public sealed class CustomerQuoteTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private async Task<(Scenario Scenario, Guid Case, Guid Quote, HttpClient Customer)> SentQuoteAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddLineAsync(caseId, await scenario.ChaletAsync());
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();
        var customer = factory.CreateCustomerClient(scenario.OrganisationId, caseId);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/customer/quote")).StatusCode);
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email = "elodie@example.fr" });
        var sent = await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        return (scenario, caseId, quoteId, customer);
    }

    [Fact]
    public async Task SentQuote_IsShown_AndAcceptedWithTheTermsTicked_RecordingAddressAndVersion()
    {
        var (_, caseId, quoteId, customer) = await SentQuoteAsync();

        var view = await customer.GetFromJsonAsync<JsonElement>("/customer/quote");
        Assert.True(view.GetProperty("canAccept").GetBoolean());
        Assert.Equal(142_800, view.GetProperty("totalCents").GetInt64());
        Assert.Equal("application/pdf", (await customer.GetAsync("/customer/quote/pdf")).Content.Headers.ContentType?.MediaType);

        var unticked = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = false, from = "203.0.113.9" });
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("conditions générales de vente", await unticked.Content.ReadAsStringAsync());

        var accepted = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true, from = "203.0.113.9" });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var published = await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId);
        Assert.Equal(("Customer", 1, caseId), (published.AcceptedBy, published.Version, published.RequestId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"Id\" = @p0 AND \"AcceptedFrom\" = '203.0.113.9'", quoteId));
        var again = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true, from = "203.0.113.9" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task AcceptedContent_NamesEachLinesProductAndTouristTaxCounts_AndACustomLineNone()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync(adults: 3, children: [8]);
        var chalet = await scenario.ChaletAsync(name: "Chalet des Mélèzes");
        await scenario.AddLineAsync(caseId, chalet);
        await scenario.AddCustomAsync(caseId);
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email = "elodie@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" })).StatusCode);

        var content = (await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId)).Content!;
        var stay = Assert.Single(content.Lines, l => l.ProductId == chalet);
        Assert.Equal(("Chalet des Mélèzes", "Accommodation"), (stay.ProductName, stay.ProductType));
        // Seven nights (13 to 20 February) for the three adults at 2 € a night; the child is exempt.
        Assert.Equal((3, 7, 200L, 4_200L), (stay.TouristTaxAdults, stay.TouristTaxNights, stay.TouristTaxCentsPerAdultNight, stay.TouristTaxCents));
        var custom = Assert.Single(content.Lines, l => l.ProductId is null);
        Assert.Equal("Panier garni à l'arrivée", custom.Label);
        Assert.Null(custom.ProductName);
        Assert.Null(custom.ProductType);
        Assert.Equal((0, 0, 0L), (custom.TouristTaxAdults, custom.TouristTaxNights, custom.TouristTaxCentsPerAdultNight));
    }

    [Fact]
    public async Task OldVersion_IsRefusedWithTheReason_DraftsAreHidden_AndTokensStayInTheirLane()
    {
        var (scenario, caseId, quoteId, customer) = await SentQuoteAsync();

        // Staff change the sent quote: a new draft version, hidden from the customer until it is sent.
        await scenario.AddCustomAsync(caseId);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/customer/quote")).StatusCode);
        Assert.True((await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).IsSuccessStatusCode);
        Assert.Equal(2, (await customer.GetFromJsonAsync<JsonElement>("/customer/quote")).GetProperty("version").GetInt32());

        var old = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true, from = "203.0.113.9" });
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        Assert.Contains("La version 1 de ce devis a été remplacée par la version 2", await old.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateCustomerClient(scenario.OrganisationId, Guid.NewGuid()).GetAsync("/customer/quote")).StatusCode);
        var elsewhere = factory.CreateCustomerClient(scenario.OrganisationId, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 2, termsAccepted = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Agent.GetAsync("/customer/quote")).StatusCode);
        var asStaff = factory.CreateClient();
        asStaff.DefaultRequestHeaders.Authorization = customer.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await asStaff.GetAsync($"/api/quotes/by-request/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task StayChangedAfterTheQuoteWasSent_TheCustomerSeesItVoid_WithANewQuoteComing_NotStaffWords()
    {
        var (scenario, caseId, quoteId, customer) = await SentQuoteAsync();
        var number = (await customer.GetFromJsonAsync<JsonElement>("/customer/quote")).GetProperty("number").GetString();

        await scenario.PublishAsync(new CommercialManagement.Contracts.Dossier.StayChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId,
            Arrival = new(2027, 2, 6), Departure = new(2027, 2, 13), Adults = 2, ChildrenAges = [8, 5], StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
        });

        var voided = await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == quoteId);
        Assert.Equal((number, true, true), (voided.Number, voided.SeenByCustomer, voided.ReplacedByNewQuote));
        var view = await customer.GetFromJsonAsync<JsonElement>("/customer/quote");
        Assert.Equal((quoteId, "Voided", true, false), (view.GetProperty("id").GetGuid(), view.GetProperty("state").GetString(),
            view.GetProperty("newQuoteComing").GetBoolean(), view.GetProperty("canAccept").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("closingReason").ValueKind);
        var accept = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true, from = "203.0.113.9" });
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.StartsWith("Votre séjour a changé", (await accept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StayChangedBeforeAnyQuoteWasSent_TellsTheCustomerNothing()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddLineAsync(caseId, await scenario.ChaletAsync());
        var quoteId = (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid();
        var customer = factory.CreateCustomerClient(scenario.OrganisationId, caseId);

        await scenario.PublishAsync(new CommercialManagement.Contracts.Dossier.StayChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId,
            Arrival = new(2027, 2, 6), Departure = new(2027, 2, 13), Adults = 2, ChildrenAges = [8, 5], StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
        });

        var voided = await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == quoteId);
        Assert.Equal((false, true), (voided.SeenByCustomer, voided.ReplacedByNewQuote));
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/customer/quote")).StatusCode);
    }
}

