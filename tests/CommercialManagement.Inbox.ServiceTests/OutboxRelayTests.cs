using System.Net.Http.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class OutboxRelayTests
{
    private const string Organisation = "0b5e7a10-0000-4000-8000-0000000000aa";

    [Fact]
    public async Task PendingRowsOfSeveralCases_ArePublishedInBatches_EachCaseInCommitOrder()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await using var relayed = factory.WithWebHostBuilder(builder => builder.UseSetting("Messaging:Outbox:BatchSize", "50"));
        _ = relayed.Services;
        var cases = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        // 3 cases × 60 rows, interleaved and committed at once: four batches of 50 for the relay.
        await InsertAsync(factory, Enumerable.Range(0, 180).Select(n => Row(cases[n % 3], n / 3, n)));

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'customerEmail' = 'order@example.fr' AND sent_at IS NOT NULL") == 180,
            TimeSpan.FromSeconds(30)), "The 180 rows were not all marked sent.");
        foreach (var requestId in cases)
        {
            Assert.Equal(Enumerable.Range(0, 60).Select(n => $"{n:D3}"), PublishedNames(relayed, requestId));
        }
    }

    [Fact]
    public async Task RowThatCannotBePublished_HoldsBackItsCaseOnly_AndTheCaseKeepsItsOrderOnceItGoes()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        _ = factory.Services;
        var (held, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var broken = Guid.CreateVersion7();

        // The 4th row of one case names a type the relay cannot read (as a payload written by a newer version would).
        await InsertAsync(factory, Enumerable.Range(0, 20).Select(n =>
            Row(n % 2 == 0 ? held : other, n / 2, n, id: n == 6 ? broken : null, type: n == 6 ? "CommercialManagement.Contracts.Inbox.NotYetKnown" : null)));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(PublishedNames(factory, other).Count == 10), TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(["000", "001", "002"], PublishedNames(factory, held));
        Assert.True(await factory.CountAsync("SELECT attempts FROM outbox_messages WHERE id = @p0", broken) >= 1);

        // Readable again: it goes, then the rows it held back, in order; those were never tried before.
        await factory.ExecuteAsync($"UPDATE outbox_messages SET message_type = '{typeof(RequestReceived).FullName}' WHERE id = '{broken}'");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(PublishedNames(factory, held).Count == 10), TimeSpan.FromSeconds(30)));
        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"{n:D3}"), PublishedNames(factory, held));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND id <> @p1 AND attempts <> 1", held.ToString(), broken));
    }

    [Fact]
    public async Task IdleService_DoesAFewTransactionsPerSecond()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        // The production poll (the test factory polls five times faster).
        await using var idle = factory.WithWebHostBuilder(builder => builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:01"));
        _ = idle.Services;
        // Committed, published, then nothing: the relay's own commit must not wake it again.
        var response = await idle.CreateClient().PostAsJsonAsync("/public/requests", SampleRequests.Valid("idle@example.fr"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var perSecond = await DatabaseActivity.TransactionsPerSecondAsync(factory.ConnectionString, TimeSpan.FromSeconds(8));

        // The relay's poll, about 1 a second; PostgreSQL reports an idle session's commits up to 10 s late, hence the
        // margin. It was 205 a second here (680-1,120 under the AppHost) when the relay woke itself.
        Assert.True(perSecond <= 15, $"An idle Inbox service ended {perSecond:0.0} transactions per second.");
    }

    internal static string Row(Guid requestId, int rank, int n, Guid? id = null, string? type = null)
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(n);
        var payload = $$"""{"organisationId":"{{Organisation}}","occurredAt":"{{at:O}}","requestId":"{{requestId}}","channel":"WebForm","customerName":"{{rank:D3}}","customerEmail":"order@example.fr","adults":2,"childrenAges":[],"language":"fr"}""";
        return $"('{id ?? Guid.CreateVersion7()}', '{type ?? typeof(RequestReceived).FullName}', '{payload}', '{at:O}', '{at:O}', 0)";
    }

    internal static Task InsertAsync(ServiceFactory<Program> factory, IEnumerable<string> rows) => factory.ExecuteAsync($"""
        INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts)
        VALUES {string.Join(",\n", rows)}
        """);

    private static List<string> PublishedNames(WebApplicationFactory<Program> factory, Guid requestId) =>
        factory.Services.GetTestHarness().Published.Select<RequestReceived>(m => m.Context.Message.RequestId == requestId)
            .Select(m => m.Context.Message.CustomerName).ToList();
}
