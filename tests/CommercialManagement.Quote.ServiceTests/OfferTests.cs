using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>« Ajouter une prestation »: the catalogue searched for the case's stay and party, priced, with why not.</summary>
public sealed class OfferTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static async Task<List<JsonElement>> OffersAsync(Scenario scenario, Guid caseId, string type) =>
        (await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{caseId}/offers?type={type}")).EnumerateArray().ToList();

    [Fact]
    public async Task Offers_ForAStay_ArePricedForItsDatesAndParty()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync(adults: 2, children: [8, 5]);
        var chalet = await scenario.ChaletAsync();
        var lesson = await scenario.LessonAsync();

        var stays = await OffersAsync(scenario, caseId, "Accommodation");
        var lessons = await OffersAsync(scenario, caseId, "SkiLesson");

        var offer = Assert.Single(stays);
        Assert.Equal(chalet, offer.GetProperty("productId").GetGuid());
        Assert.True(offer.GetProperty("available").GetBoolean());
        Assert.Equal(("2027-02-13", "2027-02-20", 1), (offer.GetProperty("from").GetString(), offer.GetProperty("to").GetString(), offer.GetProperty("quantity").GetInt32()));
        Assert.Equal(140_000, offer.GetProperty("amountCents").GetInt64());
        Assert.Equal(2_800, offer.GetProperty("touristTaxCents").GetInt64());
        var lessonOffer = Assert.Single(lessons);
        Assert.Equal(lesson, lessonOffer.GetProperty("productId").GetGuid());
        Assert.Equal(("2027-02-14", "2027-02-19", 4), (lessonOffer.GetProperty("from").GetString(), lessonOffer.GetProperty("to").GetString(), lessonOffer.GetProperty("participants").GetInt32()));
        Assert.Equal(4 * 6 * 4_000, lessonOffer.GetProperty("amountCents").GetInt64());
        Assert.Equal("6 séances × 40,00 € (Vacances de février)", lessonOffer.GetProperty("lines")[0].GetProperty("breakdown")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Offers_AFullProduct_IsListedUnavailableWithTheReason()
    {
        var scenario = await Scenario.NewAsync(factory);
        var chalet = await scenario.ChaletAsync(stock: 1);
        var first = await scenario.CaseAsync();
        var second = await scenario.CaseAsync();
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(first, chalet)).StatusCode);

        var offer = Assert.Single(await OffersAsync(scenario, second, "Accommodation"));

        Assert.False(offer.GetProperty("available").GetBoolean());
        Assert.Equal("« Chalet des Cimes » est complet le 13/02/2027.", offer.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Offers_ThePartyTooBigForOneUnit_ProposesEnoughUnits()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync(adults: 6, children: [10, 12]);
        await scenario.ChaletAsync(stock: 2);

        var offer = Assert.Single(await OffersAsync(scenario, caseId, "Accommodation"));

        Assert.Equal(2, offer.GetProperty("quantity").GetInt32());
        Assert.True(offer.GetProperty("available").GetBoolean());
        Assert.Equal(280_000, offer.GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task Offers_LiftPassesOfTheOffice_ArePricedPerAgeBand()
    {
        var office = await Scenario.NewAsync(factory, "BookingOffice");
        var caseId = await office.CaseAsync(adults: 2, children: [8, 3]);
        await office.ProductAsync(new { type = "LiftPass", name = "Forfait domaine", soldOnMarketplace = true, seasons = Scenario.Seasons(5_000, 4_000, 4_500) });

        var offer = (await OffersAsync(office, caseId, "LiftPass")).Single(o => o.GetProperty("ownedByMe").GetBoolean());

        var lines = offer.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("ageBand").GetString(), l.GetProperty("quantity").GetInt32(), l.GetProperty("unitPriceCents").GetInt64())).ToList();
        Assert.Equal([("Adult", 2, 30_000L), ("Child", 1, 24_000L), ("Infant", 1, 0L)], lines);
    }

    [Fact]
    public async Task Offers_ForTheChildrenOnly_ArePricedForThem_AndTheLineAddedIsForThem()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync(adults: 2, children: [8, 5]);
        var lesson = await scenario.LessonAsync();
        await scenario.ChaletAsync();

        var offers = (await scenario.Agent.GetFromJsonAsync<JsonElement>(
            $"/api/quotes/by-request/{caseId}/offers?type=SkiLesson&productId={lesson}&participants=2")).EnumerateArray().ToList();

        var offer = Assert.Single(offers);
        Assert.Equal(2, offer.GetProperty("participants").GetInt32());
        Assert.Equal(2 * 6 * 4_000, offer.GetProperty("amountCents").GetInt64());
        using var added = await scenario.Agent.PostAsJsonAsync($"/api/quotes/by-request/{caseId}/lines",
            new { productId = lesson, from = "2027-02-14", to = "2027-02-19", quantity = 1, participants = 2 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var quote = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{caseId}");
        var line = Assert.Single(quote.GetProperty("lines").EnumerateArray());
        Assert.Equal((2, 48_000L), (line.GetProperty("quantity").GetInt32(), line.GetProperty("amountCents").GetInt64()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    public async Task Offers_ForParticipantsOutOfRange_AreRefusedWithTheRange(string participants)
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();

        using var response = await scenario.Agent.GetAsync($"/api/quotes/by-request/{caseId}/offers?type=SkiLesson&participants={participants}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Le nombre de participants va de 1 à 30.", problem.GetProperty("errors").GetProperty("participants")[0].GetString());
    }
}
