using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Gateway.Features.Alerts;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>The bell's alerts: what customers do, for the assignee (or everyone while unassigned), and only theirs.</summary>
public sealed class StaffAlertTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly Guid Lucas = Guid.NewGuid();
    private static readonly Guid Camille = Guid.NewGuid();

    private StaffAlerts Alerts => factory.Services.GetRequiredService<StaffAlerts>();

    private static RequestReceived Received(Guid requestId, Guid organisationId) => new()
    {
        OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, Channel = RequestChannel.WebForm,
        CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Adults = 2, ChildrenAges = [], Language = "fr",
    };

    private async Task PublishAsync<T>(T message)
        where T : class
    {
        var id = Guid.NewGuid();
        await factory.Harness.Bus.Publish(message, c => c.MessageId = id);
        await factory.HandledAsync(id);
    }

    [Fact]
    public async Task CustomersAnswerAcceptanceAndOnlinePayment_RingForTheAssignee_StaffsOwnActsDoNot()
    {
        var requestId = Guid.CreateVersion7();
        await PublishAsync(Received(requestId, Office));
        await PublishAsync(new RequestAssigned { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, AssigneeId = Lucas, AssigneeName = "Lucas Girard" });

        await PublishAsync(new CustomerMessagePosted { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, MessageId = Guid.NewGuid(), CustomerName = "Élodie Martin", AssigneeId = Lucas });
        await PublishAsync(new QuoteAccepted { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00042", TotalCents = 142_800, AcceptedBy = "Customer" });
        await PublishAsync(new QuoteAccepted { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00043", TotalCents = 1_000, AcceptedBy = "Staff" });
        await PublishAsync(Payment(requestId, online: true));
        await PublishAsync(Payment(requestId, online: false));

        var lucas = await Alerts.LatestAsync(Office, Lucas);
        Assert.Equal(
            ["Élodie Martin a payé l'acompte en ligne : 428,40 €.", "Élodie Martin a accepté le devis DEV-2026-00042 (1 428,00 €).", "Élodie Martin a répondu dans son espace client."],
            lucas.Select(a => a.Text.Replace('\u202F', ' ').Replace('\u00A0', ' ')));
        Assert.Equal(3, await Alerts.UnreadCountAsync(Office, Lucas));
        // Each is announced after its commit, with what Notification needs to email it (Lucas, its kind, its words).
        var acceptance = await factory.PublishedAsync<StaffAlertRaised>(e => e.RequestId == requestId && e.Kind == "QuoteAccepted");
        Assert.Equal(Lucas, acceptance.RecipientId);
        Assert.Equal(lucas[1].Text, acceptance.Text);
        Assert.Empty(await Alerts.LatestAsync(Office, Camille));
        Assert.Empty(await Alerts.LatestAsync(Guid.NewGuid(), Lucas));

        Assert.Equal(1, await Alerts.MarkReadAsync(Office, Lucas, lucas[0].Id));
        Assert.Equal(0, await Alerts.MarkReadAsync(Office, Camille, lucas[1].Id));
        Assert.Equal(2, await Alerts.UnreadCountAsync(Office, Lucas));
        // Lucas's other open pages redraw their bell; Camille read nothing, so nothing is announced for her.
        await factory.PublishedAsync<StaffAlertsRead>(e => e.OrganisationId == Office && e.StaffId == Lucas);
        Assert.DoesNotContain(factory.Harness.Published.Select<StaffAlertsRead>(), m => m.Context.Message.StaffId == Camille);
    }

    [Fact]
    public async Task AnAmendmentAcceptedByTheCustomer_RingsWithTheNewAndThePreviousTotal()
    {
        var requestId = Guid.CreateVersion7();
        await PublishAsync(Received(requestId, Office));
        await PublishAsync(new RequestAssigned { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, AssigneeId = Guid.NewGuid(), AssigneeName = "Inès Morel" });

        await PublishAsync(new QuoteAccepted
        {
            OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00044", TotalCents = 160_800,
            AcceptedBy = "Customer", Version = 2, PreviousTotalCents = 142_800,
        });

        var alert = (await factory.PublishedAsync<StaffAlertRaised>(e => e.RequestId == requestId && e.Kind == "QuoteAccepted")).Text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Equal("Élodie Martin a accepté la modification du devis DEV-2026-00044 : nouveau total 1 608,00 € (auparavant 1 428,00 €).", alert);
    }

    [Fact]
    public async Task AnUnassignedRequestsAlert_IsForEveryoneOfTheOrganisation_AndNoOtherOrganisation()
    {
        var requestId = Guid.CreateVersion7();
        var other = Guid.NewGuid();
        await PublishAsync(Received(requestId, Office));

        await PublishAsync(new CustomerMessagePosted { OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, MessageId = Guid.NewGuid(), CustomerName = "Élodie Martin" });
        // Another organisation's event naming our request raises its own alert, never ours.
        await PublishAsync(new CustomerMessagePosted { OrganisationId = other, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, MessageId = Guid.NewGuid(), CustomerName = "Intrus" });

        var camille = Assert.Single(await Alerts.LatestAsync(Office, Camille), a => a.RequestId == requestId);
        Assert.True(camille.ForEveryone);
        Assert.Contains(await Alerts.LatestAsync(Office, Lucas), a => a.Id == camille.Id);
        Assert.DoesNotContain(await Alerts.LatestAsync(Office, Lucas), a => a.Text.StartsWith("Intrus", StringComparison.Ordinal));
    }

    private static PaymentReceived Payment(Guid requestId, bool online) => new()
    {
        OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, PaymentId = Guid.NewGuid(), QuoteId = Guid.NewGuid(),
        AmountCents = 42_840, Kind = "Deposit", Method = online ? "Card" : "Cheque", PaymentRequestId = online ? Guid.NewGuid() : null,
    };
}
