using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// « Pilotage »'s « Demandes de paiement en cours »: the requests Payment announces, open until withdrawn or paid, apart
/// once expired, whatever order (or how many times) the events arrive in; per organisation and, for an agent, their cases.
/// </summary>
public sealed class OpenPaymentRequestsTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly Guid _agent = Guid.NewGuid();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Requests_are_open_until_withdrawn_or_paid_and_apart_once_expired_for_their_organisation_and_agent()
    {
        var (paidCase, withdrawnCase, expiredCase, othersCase, askedAgainCase) =
            (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var id in new[] { paidCase, withdrawnCase, expiredCase, othersCase, askedAgainCase })
        {
            await OpenAsync(id, _organisation);
        }

        foreach (var id in new[] { paidCase, withdrawnCase, expiredCase })
        {
            await HandledAsync(new RequestAssigned { OrganisationId = _organisation, OccurredAt = _now, RequestId = id, AssigneeId = _agent, AssigneeName = "Lucas Girard" });
        }

        await HandledAsync(new RequestAssigned { OrganisationId = _organisation, OccurredAt = _now, RequestId = othersCase, AssigneeId = Guid.NewGuid(), AssigneeName = "Chloé Roux" });
        var stranger = Guid.NewGuid();
        var strangerCase = Guid.CreateVersion7();
        await OpenAsync(strangerCase, stranger);

        var (paid, withdrawn, expired, others, lapsed, again) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await HandledAsync(Requested(paidCase, paid, 30_000, _now.AddDays(7)));
        await HandledAsync(Requested(withdrawnCase, withdrawn, 50_000, _now.AddDays(7)));
        await HandledAsync(Requested(expiredCase, expired, 20_000, _now.AddMinutes(-1), _now.AddDays(-7)));
        await HandledAsync(Requested(othersCase, others, 70_000, _now.AddDays(7)));
        // Expired, then asked again: only the new one is still to deal with.
        await HandledAsync(Requested(askedAgainCase, lapsed, 10_000, _now.AddDays(-1), _now.AddDays(-8)));
        await HandledAsync(Requested(askedAgainCase, again, 15_000, _now.AddDays(7)));
        await HandledAsync(Requested(strangerCase, Guid.NewGuid(), 90_000, _now.AddDays(7)) with { OrganisationId = stranger });

        Assert.Equal((4, 165_000L, 1, 20_000L), await FiguresAsync(Admin(_organisation)));
        Assert.Equal((2, 80_000L, 1, 20_000L), await FiguresAsync(AgentClient(_agent)));
        Assert.Equal((1, 90_000L, 0, 0L), await FiguresAsync(Admin(stranger)));

        await HandledAsync(new PaymentReceived
        {
            OrganisationId = _organisation, OccurredAt = _now, RequestId = paidCase, PaymentId = Guid.NewGuid(), QuoteId = Guid.NewGuid(), AmountCents = 30_000,
            Kind = "Deposit", PaymentRequestId = paid,
        });
        await HandledAsync(Withdrawn(withdrawnCase, withdrawn));
        // Out of order: a withdrawal seen before its request, and a request seen again after its withdrawal, never open.
        var late = Guid.NewGuid();
        await HandledAsync(Withdrawn(othersCase, late));
        await HandledAsync(Requested(othersCase, late, 5_000, _now.AddDays(7)));
        await HandledAsync(Requested(withdrawnCase, withdrawn, 50_000, _now.AddDays(7)));

        Assert.Equal((2, 85_000L, 1, 20_000L), await FiguresAsync(Admin(_organisation)));
        Assert.Equal((0, 0L, 1, 20_000L), await FiguresAsync(AgentClient(_agent)));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossier_payment_requests WHERE \"Id\" = @p0 AND \"AmountCents\" = 5000 AND \"ClosedAt\" IS NOT NULL", late));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossier_payment_requests WHERE \"Id\" = @p0", withdrawn));
        Assert.Equal(7, await factory.CountAsync("SELECT count(*) FROM dossier_payment_requests WHERE \"OrganisationId\" = @p0", _organisation));

        // An Admin's « Agent » filter gives the same figures as the agent's own view.
        var report = await Admin(_organisation).GetFromJsonAsync<JsonElement>($"/api/dossiers/reporting?assignee={_agent}");
        Assert.Equal(20_000, report.GetProperty("balances").GetProperty("expiredRequestCents").GetInt64());
        Assert.Equal(0, report.GetProperty("balances").GetProperty("openRequestCount").GetInt32());
    }

    private HttpClient Admin(Guid organisation) => factory.CreateStaffClient(organisation, StaffClaims.AdminRole);

    private HttpClient AgentClient(Guid userId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Tokens.Issue(_organisation, StaffClaims.AgentRole, userId: userId));
        return client;
    }

    private static async Task<(int, long, int, long)> FiguresAsync(HttpClient client)
    {
        var balances = (await client.GetFromJsonAsync<JsonElement>("/api/dossiers/reporting")).GetProperty("balances");
        return (balances.GetProperty("openRequestCount").GetInt32(), balances.GetProperty("openRequestCents").GetInt64(),
            balances.GetProperty("expiredRequestCount").GetInt32(), balances.GetProperty("expiredRequestCents").GetInt64());
    }

    /// <summary>Publishes the event and waits until the service has applied it (its inbox row commits with the effect).</summary>
    private async Task HandledAsync<T>(T message)
        where T : class, IIntegrationEvent
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(message, context => context.MessageId = messageId);
        await factory.HandledAsync(messageId);
    }

    private async Task OpenAsync(Guid id, Guid organisation)
    {
        await HandledAsync(RequestReceivedTests.Received(id, organisation));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", id));
    }

    private PaymentRequested Requested(Guid caseId, Guid id, long cents, DateTimeOffset expiresAt, DateTimeOffset? at = null) => new()
    {
        OrganisationId = _organisation, OccurredAt = at ?? _now, RequestId = caseId, PaymentRequestId = id, QuoteId = Guid.NewGuid(), QuoteNumber = "DEV-2026-00042",
        Kind = "Deposit", AmountCents = cents, AcceptedTotalCents = 100_000, PaidCents = 0, ExpiresAt = expiresAt,
    };

    private PaymentRequestWithdrawn Withdrawn(Guid caseId, Guid id) => new()
    {
        OrganisationId = _organisation, OccurredAt = _now, RequestId = caseId, PaymentRequestId = id, Reason = "Annulée par Lucas Girard.",
    };
}
