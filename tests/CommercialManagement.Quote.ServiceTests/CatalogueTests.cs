using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit.Testing;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>The catalogue: an Admin's writes on their own products, French refusals, and who sees what.</summary>
public sealed class CatalogueTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/products{query}")).EnumerateArray().ToList();

    [Fact]
    public async Task Create_AsAdmin_StoresTheProductWithItsDefaultVatAndOpensItsDates()
    {
        var scenario = await Scenario.NewAsync(factory);

        var id = await scenario.ChaletAsync(stock: 3);

        var product = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/catalogue/products/{id}");
        Assert.Equal(1000, product.GetProperty("vatRateBasisPoints").GetInt32());
        Assert.Equal("Hébergement", product.GetProperty("typeLabel").GetString());
        Assert.True(product.GetProperty("ownedByMe").GetBoolean());
        // 2027-01-03 → 2027-03-06: 63 dates, 3 units each.
        Assert.Equal(63, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Capacity\" = 3", id));
    }

    /// <summary>« Pilotage » learns the catalogue from Quote: each product as created, then as retired, with its units per night.</summary>
    [Fact]
    public async Task CreateAndRetire_AnnounceTheProductsWholeStateToOtherServices()
    {
        var scenario = await Scenario.NewAsync(factory);
        var id = await scenario.ChaletAsync(stock: 3);
        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult(factory.Harness.Published.Select<CatalogueProductChanged>(m => m.Context.Message.ProductId == id && !m.Context.Message.Retired).Any()),
            TimeSpan.FromSeconds(30)), "The new product was not announced.");
        var created = factory.Harness.Published.Select<CatalogueProductChanged>(m => m.Context.Message.ProductId == id).First().Context.Message;
        Assert.Equal(("Accommodation", (int?)3, scenario.OrganisationId), (created.Type, created.Capacity, created.OrganisationId));

        (await scenario.Admin.PostAsync($"/api/catalogue/products/{id}/retire", null)).EnsureSuccessStatusCode();
        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult(factory.Harness.Published.Select<CatalogueProductChanged>(m => m.Context.Message.ProductId == id && m.Context.Message.Retired).Any()),
            TimeSpan.FromSeconds(30)), "The retirement was not announced.");
        var retired = factory.Harness.Published.Select<CatalogueProductChanged>(m => m.Context.Message.ProductId == id && m.Context.Message.Retired).First().Context.Message;
        Assert.True(retired.OccurredAt > created.OccurredAt);
    }

    [Fact]
    public async Task Create_AsAgent_IsForbidden()
    {
        var scenario = await Scenario.NewAsync(factory);

        var response = await scenario.Agent.PostAsJsonAsync("/api/catalogue/products", new { type = "Rental", name = "Skis", seasons = Scenario.Seasons(2_000) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithBadInput_Returns400WithFrenchMessagesPerField()
    {
        var scenario = await Scenario.NewAsync(factory);
        var overlapping = new[]
        {
            new { name = "A", from = "2027-01-01", to = "2027-02-10", priceCents = 100L },
            new { name = "B", from = "2027-02-06", to = "2027-03-01", priceCents = -5L },
        };

        var response = await scenario.Admin.PostAsJsonAsync("/api/catalogue/products", new { type = "Activity", name = " ", vatRateBasisPoints = 700, seasons = overlapping, capacity = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Scenario.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("Donnez un nom", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Taux de TVA inconnu (700)", errors.GetProperty("vatRateBasisPoints")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("se chevauchent", errors.GetProperty("seasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("négatif", errors.GetProperty("seasons[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("places par date", errors.GetProperty("capacity")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM products WHERE \"OrganisationId\" = @p0", scenario.OrganisationId));
    }

    [Fact]
    public async Task UpdateAndRetire_OwnProduct_ChangeIt_AndARetiredOneLeavesTheList()
    {
        var scenario = await Scenario.NewAsync(factory);
        var id = await scenario.ChaletAsync();

        var updated = await scenario.Admin.PutAsJsonAsync($"/api/catalogue/products/{id}", new
        {
            name = "Chalet des Cimes rénové", soldOnMarketplace = false, seasons = Scenario.Seasons(25_000), capacity = 2, unitCapacity = 8, vatRateBasisPoints = 550,
        });
        var retired = await scenario.Admin.PostAsync($"/api/catalogue/products/{id}/retire", null);
        var again = await scenario.Admin.PostAsync($"/api/catalogue/products/{id}/retire", null);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(550, (await Scenario.JsonAsync(updated)).GetProperty("vatRateBasisPoints").GetInt32());
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(await ListAsync(scenario.Agent), p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(await ListAsync(scenario.Agent, "?includeRetired=true"), p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(63, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Capacity\" = 2", id));
    }

    [Fact]
    public async Task Writes_OnAnotherOrganisationsProduct_Return404AndChangeNothing()
    {
        var owner = await Scenario.NewAsync(factory);
        var office = await Scenario.NewAsync(factory, "BookingOffice");
        var id = await owner.ChaletAsync();

        var put = await office.Admin.PutAsJsonAsync($"/api/catalogue/products/{id}", new { name = "Volé", seasons = Scenario.Seasons(1), capacity = 1, unitCapacity = 1 });
        var retire = await office.Admin.PostAsync($"/api/catalogue/products/{id}/retire", null);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retire.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM products WHERE \"Id\" = @p0 AND \"Name\" = 'Chalet des Cimes' AND NOT \"Retired\"", id));
    }

    [Fact]
    public async Task Visibility_TheOfficeSeesOthersMarketplaceProducts_AProviderNeverSeesAnothers()
    {
        var chalet = await Scenario.NewAsync(factory);
        var school = await Scenario.NewAsync(factory, "SkiSchool");
        var office = await Scenario.NewAsync(factory, "BookingOffice");
        var sold = await chalet.ChaletAsync(name: "Chalet vendu en ligne");
        var direct = await chalet.ChaletAsync(marketplace: false, name: "Chalet en direct");
        var lesson = await school.LessonAsync();

        var officeSees = (await ListAsync(office.Agent, "?search=chalet")).Select(p => p.GetProperty("id").GetGuid()).ToList();
        var schoolSees = (await ListAsync(school.Agent)).Select(p => p.GetProperty("id").GetGuid()).ToList();

        Assert.Contains(sold, officeSees);
        Assert.DoesNotContain(direct, officeSees);
        Assert.Equal([lesson], schoolSees);
        Assert.Equal(HttpStatusCode.OK, (await office.Agent.GetAsync($"/api/catalogue/products/{sold}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Agent.GetAsync($"/api/catalogue/products/{direct}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.Agent.GetAsync($"/api/catalogue/products/{sold}")).StatusCode);
    }

    [Fact]
    public async Task DemoCatalogue_InDevelopment_HasAboutThirtyProductsOfEveryTypeWithAvailability()
    {
        _ = factory.CreateClient();

        Assert.Equal(30, await factory.CountAsync("SELECT count(*) FROM products WHERE \"Id\"::text LIKE '0b5e7a10-0000-4000-8002-%'"));
        Assert.Equal(5, await factory.CountAsync("SELECT count(DISTINCT \"Type\") FROM products WHERE \"Id\"::text LIKE '0b5e7a10-0000-4000-8002-%'"));
        Assert.True(await factory.CountAsync("SELECT count(*) FROM availability WHERE \"Date\" = '2027-02-15'") >= 16);
    }

    [Fact]
    public async Task OrganisationChanged_AnOlderOneArrivingLate_ChangesNothing()
    {
        var scenario = await Scenario.NewAsync(factory, prefix: "NEW");
        var messageId = Guid.NewGuid();
        await scenario.PublishAsync(new CommercialManagement.Contracts.Identity.OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow.AddDays(-1), Name = "Ancien", Kind = "SkiSchool", Address = "",
            ContactEmail = "a@b.fr", DepositPercentage = 10, BalanceDueDaysBeforeArrival = 10, QuoteValidityDays = 3, QuoteNumberPrefix = "OLD", TermsOfSale = "", EmailSenderName = "x",
        }, messageId);

        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", messageId) == 1, TimeSpan.FromSeconds(20)));

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND \"QuoteNumberPrefix\" = 'NEW'", scenario.OrganisationId));
    }
}
