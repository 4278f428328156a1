using CommercialManagement.TestKit;
using MassTransit;
using Npgsql;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>Dossier numbers: one case still opening never holds up the next case of its organisation; numbers never repeat.</summary>
public sealed class ReferenceNumberTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private const string Consumer = "dossier-request-received";

    private Task PublishAsync(Guid organisation, Guid requestId, Guid messageId) =>
        factory.Harness.Bus.Publish(RequestReceivedTests.Received(requestId, organisation), context => context.MessageId = messageId);

    private Task<bool> OpenedAsync(Guid requestId, TimeSpan within) => Eventually.TrueAsync(
        async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", requestId) == 1, within, TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task RequestReceived_WhileAnotherCaseOfTheOrganisationIsStillOpening_IsCommittedWithoutWaitingForIt()
    {
        var organisation = Guid.NewGuid();
        var (first, firstMessage, second) = (Guid.CreateVersion7(), Guid.NewGuid(), Guid.CreateVersion7());
        _ = factory.Harness; // starts the service, which migrates its database

        // The first case's consumer gets its number, then stays inside its transaction: the inbox row it writes last
        // waits behind this uncommitted one (as a slow commit or a lock on a busy row would keep it).
        await using var blocker = new NpgsqlConnection(factory.ConnectionString);
        await blocker.OpenAsync();
        await using var open = await blocker.BeginTransactionAsync();
        await using (var inbox = new NpgsqlCommand("INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES (@id, @consumer, now())", blocker, open))
        {
            inbox.Parameters.AddWithValue("id", firstMessage);
            inbox.Parameters.AddWithValue("consumer", Consumer);
            await inbox.ExecuteNonQueryAsync();
        }

        await PublishAsync(organisation, first, firstMessage);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%inbox_messages%'") > 0,
            TimeSpan.FromSeconds(20)), "The first case's consumer never reached its inbox row.");

        await PublishAsync(organisation, second, Guid.NewGuid());
        var secondOpened = await OpenedAsync(second, TimeSpan.FromSeconds(3));

        await open.RollbackAsync();
        Assert.True(secondOpened, "The second case of the organisation waited for the first one's transaction.");
        Assert.True(await OpenedAsync(first, TimeSpan.FromSeconds(20)));
        Assert.Equal(2, await factory.CountAsync("SELECT count(DISTINCT \"Reference\") FROM dossiers WHERE \"OrganisationId\" = @p0", organisation));
    }

    [Fact]
    public async Task RequestReceived_ManyAtOnceForOneOrganisation_GetDistinctNumbers()
    {
        var organisation = Guid.NewGuid();
        var requests = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToList();

        await Task.WhenAll(requests.Select(id => PublishAsync(organisation, id, Guid.NewGuid())));

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"OrganisationId\" = @p0", organisation) == requests.Count,
            TimeSpan.FromSeconds(60)));
        Assert.Equal(requests.Count, await factory.CountAsync("SELECT count(DISTINCT \"Reference\") FROM dossiers WHERE \"OrganisationId\" = @p0", organisation));
    }

    [Fact]
    public async Task RequestReceived_ContinuesTheOrganisationsExistingNumbers()
    {
        var organisation = Guid.NewGuid();
        var request = Guid.CreateVersion7();
        await factory.ExecuteAsync($"INSERT INTO reference_counters (\"OrganisationId\", \"Last\") VALUES ('{organisation}', 41)");

        await PublishAsync(organisation, request, Guid.NewGuid());

        Assert.True(await OpenedAsync(request, TimeSpan.FromSeconds(15)));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"Reference\" = 'D-00042'", request));
    }
}
