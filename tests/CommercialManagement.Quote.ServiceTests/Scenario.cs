using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// A fresh organisation (its copy arrived through <c>OrganisationChanged</c>), its cases (through <c>RequestReceived</c>)
/// and its products (through the API): each test builds its own, so no test depends on another's data.
/// </summary>
internal sealed class Scenario(QuoteFactory factory, Guid organisationId)
{
    public static readonly DateOnly Arrival = new(2027, 2, 13);
    public static readonly DateOnly Departure = new(2027, 2, 20);

    public Guid OrganisationId { get; } = organisationId;

    public HttpClient Agent => factory.CreateStaffClient(OrganisationId);

    public HttpClient Admin => factory.CreateStaffClient(OrganisationId, StaffClaims.AdminRole);

    public static async Task<Scenario> NewAsync(
        QuoteFactory factory, string kind = "AccommodationProvider", string prefix = "DEV", int deposit = 30, IReadOnlyList<CancellationTier>? cancellationTerms = null)
    {
        var scenario = new Scenario(factory, Guid.NewGuid());
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = $"Organisation {kind}", Kind = kind, Address = "73500 Val Nevé",
            ContactEmail = "contact@example.fr", DepositPercentage = deposit, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7,
            QuoteNumberPrefix = prefix, TermsOfSale = "CGV", EmailSenderName = "Val Nevé", CancellationTerms = cancellationTerms,
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", scenario.OrganisationId) == 1, TimeSpan.FromSeconds(20)));
        return scenario;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public RequestReceived Request(Guid id, int adults = 2, int[]? children = null, DateOnly? arrival = null, DateOnly? departure = null, string language = "fr") => new()
    {
        OrganisationId = OrganisationId, OccurredAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), RequestId = id, Channel = RequestChannel.WebForm,
        CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", CustomerPhone = "+33 6 12 34 56 78",
        Arrival = arrival ?? Arrival, Departure = departure ?? Departure, Adults = adults, ChildrenAges = children ?? [8, 5], Language = language,
    };

    /// <summary>A case of this organisation, as the Inbox announced it; waits until the Quote service keeps it.</summary>
    public async Task<Guid> CaseAsync(int adults = 2, int[]? children = null, string language = "fr")
    {
        var id = Guid.CreateVersion7();
        await PublishAsync(Request(id, adults, children, language: language));
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", id) == 1, TimeSpan.FromSeconds(20)));
        return id;
    }

    public async Task<Guid> ProductAsync(object body)
    {
        var response = await Admin.PostAsJsonAsync("/api/catalogue/products", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Seasons(long price, long? child = null, long? senior = null) => new[]
    {
        new { name = "Janvier", from = "2027-01-03", to = "2027-02-05", priceCents = price * 8 / 10, childPriceCents = child * 8 / 10, seniorPriceCents = senior * 8 / 10 },
        new { name = "Vacances de février", from = "2027-02-06", to = "2027-03-06", priceCents = price, childPriceCents = child, seniorPriceCents = senior },
    };

    public Task<Guid> ChaletAsync(int stock = 1, bool marketplace = true, string name = "Chalet des Cimes") => ProductAsync(new
    {
        type = "Accommodation", name, description = "Six personnes, cheminée", soldOnMarketplace = marketplace,
        seasons = Seasons(20_000), capacity = stock, unitCapacity = 6, touristTaxCentsPerAdultNight = 200,
    });

    public Task<Guid> LessonAsync(int capacity = 10) => ProductAsync(new
    {
        type = "SkiLesson", name = "Cours collectif enfant", soldOnMarketplace = true, seasons = Seasons(4_000), capacity, lessonKind = "Group",
    });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public Task<HttpResponseMessage> AddLineAsync(Guid caseId, Guid productId, string? from = null, string? to = null, int quantity = 1, int? participants = null, HttpClient? client = null) =>
        (client ?? Agent).PostAsJsonAsync($"/api/quotes/by-request/{caseId}/lines", new
        {
            productId, from = from ?? Arrival.ToString("yyyy-MM-dd"), to = to ?? Departure.ToString("yyyy-MM-dd"), quantity, participants,
        });

    public Task<HttpResponseMessage> AddCustomAsync(Guid caseId, long unitPriceCents = 5_000, int quantity = 1, int vat = 2000, HttpClient? client = null) =>
        (client ?? Agent).PostAsJsonAsync($"/api/quotes/by-request/{caseId}/custom-lines", new
        {
            label = "Panier garni à l'arrivée", description = "Produits du terroir", quantity, unitPriceCents, vatRateBasisPoints = vat,
        });

    public async Task<JsonElement> QuoteAsync(Guid caseId) => await Agent.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{caseId}");
}
