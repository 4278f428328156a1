using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>« Places réservées » (issue 17): what holds a product's stock, by which quote and case, until when; my organisation's only.</summary>
public sealed class HeldPlacesTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task HeldPlaces_ListTheDraftAndTheSentQuote_WithTheirDates_AndUntilWhen()
    {
        var scenario = await Scenario.NewAsync(factory);
        var chalet = await scenario.ChaletAsync(stock: 2);
        var draftCase = await scenario.CaseAsync();
        var draftId = (await Scenario.JsonAsync(await scenario.AddLineAsync(draftCase, chalet))).GetProperty("id").GetGuid();
        var sentCase = await scenario.CaseAsync();
        var sentId = (await Scenario.JsonAsync(await scenario.AddLineAsync(sentCase, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{sentId}/customer", new { name = "Paul Durand", address = "Lyon", email = "paul@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{sentId}/send", null)).StatusCode);

        var held = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/catalogue/held-places?productId={chalet}");

        Assert.Equal(2, held.GetArrayLength());
        var draft = held.EnumerateArray().Single(h => h.GetProperty("quoteId").GetGuid() == draftId);
        Assert.Equal(("Draft", "Élodie Martin", 1, "2027-02-13", "2027-02-20", "2026-11-27", draftCase),
            (draft.GetProperty("state").GetString(), draft.GetProperty("customerName").GetString(), draft.GetProperty("places").GetInt32(),
             draft.GetProperty("from").GetString(), draft.GetProperty("to").GetString(), draft.GetProperty("heldUntil").GetString(), draft.GetProperty("requestId").GetGuid()));
        var sent = held.EnumerateArray().Single(h => h.GetProperty("quoteId").GetGuid() == sentId);
        Assert.Equal(("Sent", "Paul Durand", "2026-11-27"),
            (sent.GetProperty("state").GetString(), sent.GetProperty("customerName").GetString(), sent.GetProperty("heldUntil").GetString()));

        var stranger = await Scenario.NewAsync(factory);
        Assert.Equal(0, (await stranger.Agent.GetFromJsonAsync<JsonElement>($"/api/catalogue/held-places?productId={chalet}")).GetArrayLength());
        var customer = factory.CreateCustomerClient(scenario.OrganisationId, draftCase);
        Assert.Contains((await customer.GetAsync("/api/catalogue/held-places")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }
}
