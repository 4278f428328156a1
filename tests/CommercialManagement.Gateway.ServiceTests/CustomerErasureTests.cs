using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Gateway.Features.Alerts;
using CommercialManagement.Gateway.Features.PersonalData;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway's part of an erasure: the record the Admin follows (in progress until every service answered, then
/// done), and its own copy of the customer's name (alerts) gone, in that organisation only.
/// </summary>
public sealed class CustomerErasureTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private Erasures Erasures => factory.Services.GetRequiredService<Erasures>();

    private async Task PublishAsync<T>(T message)
        where T : class
    {
        var id = Guid.NewGuid();
        await factory.Harness.Bus.Publish(message, c => c.MessageId = id);
        await factory.HandledAsync(id);
    }

    private async Task<Guid> AnsweredRequestAsync(Guid organisationId, string name)
    {
        var requestId = Guid.CreateVersion7();
        await PublishAsync(new RequestReceived
        {
            OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, Channel = RequestChannel.WebForm,
            CustomerName = name, CustomerEmail = "x@example.fr", Adults = 2, ChildrenAges = [], Language = "fr",
        });
        await PublishAsync(new CustomerMessagePosted { OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, MessageId = Guid.NewGuid(), CustomerName = name });
        return requestId;
    }

    [Fact]
    public async Task AnErasure_IsInProgressUntilEveryServiceAnswered_ThenDone_AndTheAlertsNoLongerNameTheCustomer()
    {
        var office = Guid.NewGuid();
        var other = Guid.NewGuid();
        var name = $"Éloïse Fournier-{Guid.NewGuid():N}"[..28];
        var mine = await AnsweredRequestAsync(office, name);
        var theirs = await AnsweredRequestAsync(other, name);

        var erasureId = await Erasures.StartAsync(office, " Eloise.Fournier@Example.FR ", [mine], "Claire Admin", CancellationToken.None);

        var requested = await factory.PublishedAsync<CustomerErasureRequested>(e => e.ErasureId == erasureId);
        Assert.Equal("eloise.fournier@example.fr", requested.CustomerEmail);
        Assert.Equal([mine], requested.RequestIds);
        // The gateway answers for itself once it consumed the request; the others are still awaited.
        Assert.True(await Eventually.TrueAsync(
            async () => (await Erasures.GetAsync(office, erasureId, CancellationToken.None))!.Acknowledgements.Any(a => a.Service == "gateway"),
            TimeSpan.FromSeconds(20)));
        var inProgress = (await Erasures.GetAsync(office, erasureId, CancellationToken.None))!;
        Assert.Null(inProgress.CompletedAt);
        Assert.Equal(["inbox", "dossier", "quote", "payment", "notification"], inProgress.Waiting);
        Assert.Null(await Erasures.GetAsync(other, erasureId, CancellationToken.None));

        foreach (var service in inProgress.Waiting)
        {
            await PublishAsync(new CustomerErased { OrganisationId = office, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, Service = service, RowsChanged = 3 });
        }

        // A redelivered answer (another message id) changes nothing.
        await PublishAsync(new CustomerErased { OrganisationId = office, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, Service = "inbox", RowsChanged = 99 });
        var done = (await Erasures.GetAsync(office, erasureId, CancellationToken.None))!;
        Assert.NotNull(done.CompletedAt);
        Assert.Empty(done.Waiting);
        Assert.Equal(3, done.Acknowledgements.Single(a => a.Service == "inbox").RowsChanged);
        Assert.Equal("Claire Admin", done.RequestedBy);
        // Searching the same address again finds the erasure; the address itself is kept nowhere.
        Assert.Equal(erasureId, Assert.Single(await Erasures.ListAsync(office, "ELOISE.fournier@example.fr", 10, CancellationToken.None)).Id);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM customer_erasures WHERE \"EmailDigest\" ILIKE '%eloise%'"));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND payload->>'erasureId' = @p0", erasureId.ToString()));

        var alerts = factory.Services.GetRequiredService<StaffAlerts>();
        var erasedAlert = Assert.Single(await alerts.LatestAsync(office, Guid.NewGuid()), a => a.RequestId == mine);
        Assert.Equal("Client effacé a répondu dans son espace client.", erasedAlert.Text);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM alert_cases WHERE \"RequestId\" = @p0 AND \"CustomerName\" = @p1", mine, name));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM staff_alerts WHERE \"RequestId\" = @p0 AND strpos(\"Text\", @p1) > 0", mine, name));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'organisationId' = @p0 AND strpos(payload::text, @p1) > 0", office.ToString(), name));
        // The other organisation's request of the same name is untouched.
        Assert.Contains(await alerts.LatestAsync(other, Guid.NewGuid()), a => a.RequestId == theirs && a.Text.StartsWith(name, StringComparison.Ordinal));
    }
}
