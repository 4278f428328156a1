using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>The tables that only grew: processed message ids (kept 14 days by default) and sent outbox rows (7 days).</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task OldInboxAndSentOutboxRows_ArePrunedInBatches_RecentAndPendingOnesKept()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        // The housekeeping job on the real scheduler, every second, in batches of 2: the five old ids take three statements.
        await using var pruning = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Scheduler:Enabled", "true").UseSetting("Retention:Cron", "* * * * * ?")
            .UseSetting("Retention:BatchSize", "2"));
        _ = pruning.Services;
        var consumer = $"retention-test-{Guid.NewGuid():N}";
        var type = $"Retention.Test{Guid.NewGuid():N}";

        await factory.ExecuteAsync($"""
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT gen_random_uuid(), '{consumer}', now() - interval '15 days' FROM generate_series(1, 5)
            UNION ALL SELECT gen_random_uuid(), '{consumer}', now() - interval '13 days';
            INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts, sent_at) VALUES
              (gen_random_uuid(), '{type}', '{"{"}"row":"sent long ago"{"}"}', now() - interval '9 days', now() - interval '9 days', 1, now() - interval '8 days'),
              (gen_random_uuid(), '{type}', '{"{"}"row":"sent lately"{"}"}', now() - interval '6 days', now() - interval '6 days', 1, now() - interval '6 days'),
              (gen_random_uuid(), '{type}', '{"{"}"row":"never sent"{"}"}', now() - interval '30 days', '2100-01-01', 40, NULL);
            """);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                    "SELECT count(*) FROM inbox_messages WHERE consumer = @p0 AND processed_at < now() - interval '14 days'", consumer) == 0
                && await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'row' = 'sent long ago'", type) == 0,
            TimeSpan.FromSeconds(20)), "Rows past their retention were not pruned.");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM inbox_messages WHERE consumer = @p0 AND processed_at > now() - interval '14 days'", consumer));
        Assert.Equal(2, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'row' IN ('sent lately', 'never sent')", type));
    }
}
