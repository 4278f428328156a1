using System.Net.Http.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
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
        _ = factory.Services;
        var cases = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        // 3 cases × 60 rows, interleaved and committed at once: more than a batch's worth for the relay to spread.
        var values = Enumerable.Range(0, 180).Select(n =>
        {
            var requestId = cases[n % 3];
            var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(n);
            var payload = $$"""{"organisationId":"{{Organisation}}","occurredAt":"{{at:O}}","requestId":"{{requestId}}","channel":"WebForm","customerName":"{{n / 3:D3}}","customerEmail":"order@example.fr","adults":2,"childrenAges":[],"language":"fr"}""";
            return $"('{Guid.CreateVersion7()}', '{typeof(RequestReceived).FullName}', '{payload}', '{at:O}', '{at:O}', 0)";
        });
        await factory.ExecuteAsync($"""
            INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts)
            VALUES {string.Join(",\n", values)}
            """);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'customerEmail' = 'order@example.fr' AND sent_at IS NOT NULL") == 180,
            TimeSpan.FromSeconds(30)), "The 180 rows were not all marked sent.");
        foreach (var requestId in cases)
        {
            var names = factory.Harness.Published.Select<RequestReceived>(m => m.Context.Message.RequestId == requestId)
                .Select(m => m.Context.Message.CustomerName).ToList();
            Assert.Equal(Enumerable.Range(0, 60).Select(n => $"{n:D3}"), names);
        }
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
        await Task.Delay(TimeSpan.FromSeconds(3));

        var perSecond = await DatabaseActivity.TransactionsPerSecondAsync(factory.ConnectionString, TimeSpan.FromSeconds(6));

        // The relay's poll, about 1 a second (and the demo story's ticks). It was ~1,000 when the relay woke itself.
        Assert.True(perSecond <= 6, $"An idle Inbox service ended {perSecond:0.0} transactions per second.");
    }
}
