using System.Diagnostics;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>Inbox on a RabbitMQ of its own, which the test stops as an outage.</summary>
public sealed class InboxOnPrivateBrokerFactory() : PrivateBrokerServiceFactory<Program>(ResourceNames.InboxDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The production poll, not the test factory's faster one: the recovery measured is the one a user gets.
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:01");
    }
}

/// <summary>
/// Issue 15's fault R1 in small, for the relay alone: RabbitMQ stopped while requests keep arriving, then back. During the
/// outage a publish waits for its 10 s timeout, so a row fails a few times only and its back-off stays short: the relay
/// drains within seconds (3.6 s here with the production poll). The fault suite's slower recovery after R1 (36 s on a
/// loaded machine) is the consumers working through the backlog, not the relay waiting.
/// </summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task RowsCommittedDuringAnOutage_AreAllPublishedWithinSecondsOfTheBrokersReturn()
    {
        await using var factory = new InboxOnPrivateBrokerFactory();
        var recovery = await OutageAsync(factory);

        Assert.True(recovery < TimeSpan.FromSeconds(10), $"The last row went {recovery.TotalSeconds:0.0} s after the broker was back.");
    }

    /// <summary>Stops the broker, commits three rows (three requests) a second for the outage, starts it: how long until every row is sent.</summary>
    private static async Task<TimeSpan> OutageAsync(InboxOnPrivateBrokerFactory factory)
    {
        await ((IAsyncLifetime)factory).InitializeAsync();
        _ = factory.Services;
        var before = Guid.CreateVersion7();
        await OutboxRelayTests.InsertAsync(factory, [OutboxRelayTests.Row(before, 0, 0)]);
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(factory) == 0, TimeSpan.FromSeconds(60)), "Nothing was published before the outage.");

        await factory.Broker!.StopAppAsync();
        var outage = Stopwatch.StartNew();
        var n = 0;
        while (outage.Elapsed < Outage)
        {
            await OutboxRelayTests.InsertAsync(factory, Enumerable.Range(0, 3).Select(_ => OutboxRelayTests.Row(Guid.CreateVersion7(), 0, ++n)));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(await PendingAsync(factory) > 0, "The rows of the outage were not waiting for the broker.");
        await factory.Broker.StartAppAsync();
        var back = Stopwatch.StartNew();
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(factory) == 0, TimeSpan.FromSeconds(120)),
            $"{await PendingAsync(factory)} rows were still waiting 120 s after the broker was back.");
        return back.Elapsed;
    }

    private static Task<long> PendingAsync(InboxOnPrivateBrokerFactory factory) =>
        factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
}
