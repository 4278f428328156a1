using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The tables that only grew: processed message ids (kept 14 days by default), sent outbox rows (7 days), and the mailbox's
/// log of emails that opened no request (as long as a request that never became a dossier, 24 months by default).
/// </summary>
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

    [Fact]
    public async Task MailboxLogLines_ThatOpenedNoRequest_ArePrunedPast24Months_TheRecentAndTheLinkedOnesKept()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await using var pruning = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Scheduler:Enabled", "true").UseSetting("Retention:Cron", "* * * * * ?"));
        _ = pruning.Services;
        var organisationId = Guid.NewGuid();

        await factory.ExecuteAsync($"""
            INSERT INTO inbound_emails ("Id", "OrganisationId", "InternetMessageId", "UidValidity", "Uid", "FromAddress", "Subject", "ReceivedAt",
                "FetchedAt", "Size", "Raw", "RawTruncated", "Outcome", "Reason", "RequestId")
            SELECT gen_random_uuid(), '{organisationId}', 'log-' || line.name, 1, line.uid, 'expediteur@example.fr', 'Objet', line.received,
                line.received, 10, '\x00'::bytea, false, 0, 'Test', line.request
            FROM (VALUES
                ('old-unlinked', 1, now() - interval '25 months', NULL::uuid),
                ('recent-unlinked', 2, now() - interval '23 months', NULL::uuid),
                ('old-linked', 3, now() - interval '25 months', gen_random_uuid())) AS line(name, uid, received, request);
            """);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM inbound_emails WHERE \"OrganisationId\" = @p0 AND \"InternetMessageId\" = 'log-old-unlinked'", organisationId) == 0,
            TimeSpan.FromSeconds(20)), "The mailbox's old line that opened no request was not pruned.");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, await factory.CountAsync(
            "SELECT count(*) FROM inbound_emails WHERE \"OrganisationId\" = @p0 AND \"InternetMessageId\" IN ('log-old-linked', 'log-recent-unlinked')", organisationId));
    }
}
