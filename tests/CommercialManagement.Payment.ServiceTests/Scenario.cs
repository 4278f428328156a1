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

    public static async Task<Scenario> NewAsync(ServiceFactory<Program> factory, int deposit = 30, string name = "Chalet des Mélèzes")
    {
        var scenario = new Scenario(factory, Guid.NewGuid());
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, Name = name, Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", ContactEmail = "contact@example.fr", DepositPercentage = deposit, BalanceDueDaysBeforeArrival = 30,
            QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé",
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", scenario.OrganisationId) == 1, TimeSpan.FromSeconds(20)));
        return scenario;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public QuoteAccepted Accepted(Guid caseId, long totalCents, DateTimeOffset? at = null, Guid? quoteId = null, string number = "DEV-2026-00042") => new()
    {
        OrganisationId = OrganisationId, OccurredAt = at ?? DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = quoteId ?? Guid.NewGuid(), Number = number,
        TotalCents = totalCents, AcceptedBy = "Staff", Version = 1,
    };

    /// <summary>The case as the Inbox announced it, arriving in <paramref name="arrivalInDays"/> days.</summary>
    public RequestReceived Request(Guid caseId, int arrivalInDays, DateTimeOffset? at = null) => new()
    {
        OrganisationId = OrganisationId, OccurredAt = at ?? DateTimeOffset.UtcNow, RequestId = caseId, Channel = RequestChannel.Phone,
        CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(arrivalInDays),
        Departure = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(arrivalInDays + 7), Adults = 2, ChildrenAges = [], Language = "fr",
    };

    /// <summary>A case whose quote was accepted for <paramref name="totalCents"/>; waits until the Payment service keeps it.</summary>
    public async Task<Guid> AcceptedCaseAsync(long totalCents = 100_000)
    {
        var caseId = Guid.CreateVersion7();
        var accepted = Accepted(caseId, totalCents);
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
