using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// A fresh organisation (its settings through <c>OrganisationChanged</c>) and its cases, each with a quote accepted
/// through <c>QuoteAccepted</c>: each test builds its own, so no test depends on another's data.
/// </summary>
internal sealed class Scenario(ServiceFactory<Program> factory, Guid organisationId)
{
    /// <summary>
    /// The case's events waiting in the outbox, counted with @p0 the request's id: what a payment, a request or a refund
    /// published, not the PaymentAccountChanged its quote's acceptance announced to the open pages.
    /// </summary>
    public const string CaseOutboxSql =
        "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type NOT LIKE '%PaymentAccountChanged'";

    public Guid OrganisationId { get; } = organisationId;

    public HttpClient Agent => factory.CreateStaffClient(OrganisationId);

    public static async Task<Scenario> NewAsync(
        ServiceFactory<Program> factory, int deposit = 30, string name = "Chalet des Mélèzes", ScheduleSettings? schedule = null)
    {
        var scenario = new Scenario(factory, Guid.NewGuid());
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = name, Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", ContactEmail = "contact@example.fr", DepositPercentage = deposit, BalanceDueDaysBeforeArrival = 30,
            QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé", Schedule = schedule ?? new(),
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", scenario.OrganisationId) == 1, TimeSpan.FromSeconds(20)));
        return scenario;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public QuoteAccepted Accepted(
        Guid caseId, long totalCents, DateTimeOffset? at = null, Guid? quoteId = null, string number = "DEV-2026-00042", AcceptedQuoteContent? content = null) => new()
    {
        OrganisationId = OrganisationId, OccurredAt = at ?? DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = quoteId ?? Guid.NewGuid(), Number = number,
        TotalCents = totalCents, AcceptedBy = "Staff", Version = 1, Content = content,
    };

    /// <summary>
    /// What a quote of 1 000,00 € says when accepted: an apartment 840,00 € at 10 % VAT with 40,00 € of tourist tax, and two
    /// group lessons 60,00 € each at 20 %; a business customer when <paramref name="companyId"/> is given.
    /// </summary>
    public static AcceptedQuoteContent Content(string? companyId = null, string? vatNumber = null) => new()
    {
        CustomerName = companyId is null ? "Élodie Martin" : "Alpes Séminaires SARL", CustomerAddressLines = ["12 rue des Alpes", "69002 Lyon"],
        CustomerEmail = "elodie@example.fr", CustomerCompanyId = companyId, CustomerVatNumber = vatNumber, Language = "fr",
        Arrival = new DateOnly(2027, 2, 13), Departure = new DateOnly(2027, 2, 20), Adults = 2,
        Lines =
        [
            new AcceptedQuoteLine
            {
                Label = "Appartement 4 pers.", Description = "Résidence Les Cimes", From = new DateOnly(2027, 2, 13), To = new DateOnly(2027, 2, 20), Quantity = 1,
                UnitPriceInclVatCents = 84_000, VatRateBasisPoints = 1000, AmountInclVatCents = 84_000, AmountExclVatCents = 76_364, VatCents = 7_636, TouristTaxCents = 4_000,
            },
            new AcceptedQuoteLine
            {
                Label = "Cours collectifs", Quantity = 2, UnitPriceInclVatCents = 6_000, VatRateBasisPoints = 2000, AmountInclVatCents = 12_000,
                AmountExclVatCents = 10_000, VatCents = 2_000,
            },
        ],
        VatByRate =
        [
            new AcceptedVatRate { RateBasisPoints = 1000, NetCents = 76_364, VatCents = 7_636 },
            new AcceptedVatRate { RateBasisPoints = 2000, NetCents = 10_000, VatCents = 2_000 },
        ],
        NetCents = 86_364, VatCents = 9_636, GrossCents = 96_000, TouristTaxCents = 4_000, TotalCents = 100_000,
    };

    /// <summary>The case as the Inbox announced it, arriving in <paramref name="arrivalInDays"/> days.</summary>
    /// <summary>A request arriving <paramref name="arrivalInDays"/> days after today in the resort (Europe/Paris, as the service counts them).</summary>
    public RequestReceived Request(Guid caseId, int arrivalInDays, DateTimeOffset? at = null) => new()
    {
        OrganisationId = OrganisationId, OccurredAt = at ?? DateTimeOffset.UtcNow, RequestId = caseId, Channel = RequestChannel.Phone,
        CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Arrival = ParisToday().AddDays(arrivalInDays),
        Departure = ParisToday().AddDays(arrivalInDays + 7), Adults = 2, ChildrenAges = [], Language = "fr",
    };

    private static DateOnly ParisToday() => CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System);

    /// <summary>A case whose quote was accepted for <paramref name="totalCents"/>; waits until the Payment service keeps it.</summary>
    public async Task<Guid> AcceptedCaseAsync(long totalCents = 100_000, AcceptedQuoteContent? content = null)
    {
        var caseId = Guid.CreateVersion7();
        var accepted = Accepted(caseId, content?.TotalCents ?? totalCents, content: content);
        await PublishAsync(accepted);
        await WaitForQuoteAsync(caseId, accepted.QuoteId);
        return caseId;
    }

    public async Task WaitForQuoteAsync(Guid caseId, Guid quoteId) => Assert.True(await Eventually.TrueAsync(
        async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"AcceptedQuoteId\" = @p1", caseId, quoteId) == 1,
        TimeSpan.FromSeconds(20)));

    public Task<HttpResponseMessage> PayAsync(
        Guid caseId, long amountCents, string? method = "BankTransfer", string? reference = "VIR-2026-1187", string? receivedOn = null, HttpClient? client = null) =>
        (client ?? Agent).PostAsJsonAsync($"/api/payments/by-request/{caseId}/offline", new { amountCents, method, reference, receivedOn });

    /// <summary>« Demander l'acompte / le solde / la totalité ».</summary>
    public Task<HttpResponseMessage> AskAsync(Guid caseId, string? kind, HttpClient? client = null) =>
        (client ?? Agent).PostAsJsonAsync($"/api/payments/by-request/{caseId}/requests", new { kind });

    public HttpClient Customer(Guid caseId) => factory.CreateCustomerClient(OrganisationId, caseId);

    public async Task<JsonElement> LedgerAsync(Guid caseId) => await Agent.GetFromJsonAsync<JsonElement>($"/api/payments/by-request/{caseId}");

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
