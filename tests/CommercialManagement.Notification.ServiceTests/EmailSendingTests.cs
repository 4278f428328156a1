using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class EmailSendingTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task Acknowledgement_IsBulk_AndStaffReply_IsAPersonsEmail()
    {
        await using var factory = new NotificationFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Events.Request(Organisation, "bulk@example.fr"), c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Events.StaffReply(Organisation, "person@example.fr", "Bonjour"), c => c.MessageId = Guid.NewGuid());

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" IN ('bulk@example.fr', 'person@example.fr')") == 2,
            TimeSpan.FromSeconds(20)));
        Assert.Equal(1, await factory.CountAsync("SELECT \"Priority\" FROM emails WHERE \"To\" = 'bulk@example.fr'"));
        Assert.Equal(0, await factory.CountAsync("SELECT \"Priority\" FROM emails WHERE \"To\" = 'person@example.fr'"));
    }

    [Fact]
    public async Task StaffReply_QueuedAfterABurstOfAcknowledgements_IsSentBeforeThem()
    {
        await using var factory = new NotificationFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        factory.StartSmtp();
        // The production polls (the test factory polls five times faster), so the transactions counted below are the sending's.
        await using var worker = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Email:PollInterval", "00:00:01")
            .UseSetting("Messaging:Outbox:PollInterval", "00:00:01"));
        _ = worker.Services;

        // 1,000 acknowledgements queued, then a staff reply queued after them, all visible at once.
        var transactionsBefore = await DatabaseActivity.TransactionsAsync(factory.ConnectionString);
        await factory.ExecuteAsync($$"""
            INSERT INTO emails ("Id", "OrganisationId", "SourceMessageId", "Kind", "CaseId", "To", "FromName", "Subject", "HtmlBody", "TextBody",
                                "Status", "Attempts", "QueuedAt", "NextAttemptAt", "Priority")
            SELECT gen_random_uuid(), '{{Organisation}}'::uuid, gen_random_uuid(), 'RequestAcknowledgement', gen_random_uuid(), 'ack' || n || '@example.fr',
                   'Chalet', 'Votre demande', '<p>Merci</p>', 'Merci', 'Queued', 0, now() - interval '1 minute', now() - interval '1 minute' + n * interval '1 ms', 1
            FROM generate_series(1, 1000) AS n
            UNION ALL
            SELECT gen_random_uuid(), '{{Organisation}}'::uuid, gen_random_uuid(), 'StaffReply', gen_random_uuid(), 'reply@example.fr',
                   'Chalet', 'Réponse à votre demande', '<p>Bonjour</p>', 'Bonjour', 'Queued', 0, now(), now(), 0
            """);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM emails WHERE \"OrganisationId\" = @p0 AND \"Status\" = 'Sent'", Organisation) == 1001,
            TimeSpan.FromSeconds(90)), "The burst was not sent within 90 s.");
        var acknowledgementsBefore = await factory.CountAsync(
            """
            SELECT count(*) FROM emails a, emails r
            WHERE r."To" = 'reply@example.fr' AND a."Kind" = 'RequestAcknowledgement' AND a."OrganisationId" = @p0 AND a."SentAt" < r."SentAt"
            """, Organisation);
        // Oldest first, all 1,000 would go before it. Taken first, it goes out while the other senders carry on with the
        // burst: how many of those finish before it depends on how long its own send takes on a busy machine (100 once).
        Assert.True(acknowledgementsBefore < 500, $"{acknowledgementsBefore} acknowledgements were sent before the staff reply queued after them.");
        Assert.Equal(1001, factory.Received().Count(m => m.To.Mailboxes.Any(b => b.Address.EndsWith("@example.fr", StringComparison.Ordinal))));

        // Claimed in batches: a few transactions per batch of emails, not one (and a 3 ms claim) per email. A batch costs a
        // claim and a mark (no transaction is open while SMTP is waited for, ADR 0012), and so does the relay's pass over
        // their EmailSent events: about 4 per 8 emails; the polls and the statistics' own delay fit in the margin.
        await Task.Delay(TimeSpan.FromSeconds(11));
        var transactions = await DatabaseActivity.TransactionsAsync(factory.ConnectionString) - transactionsBefore;
        Assert.True(transactions < 800, $"Sending 1,001 emails took {transactions} transactions.");
    }

    [Fact]
    public async Task IdleWorker_DoesAFewTransactionsPerSecond()
    {
        await using var factory = new NotificationFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        factory.StartSmtp();
        // The production polls (the test factory polls five times faster).
        await using var idle = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Email:PollInterval", "00:00:01")
            .UseSetting("Messaging:Outbox:PollInterval", "00:00:01"));
        _ = idle.Services;
        await Task.Delay(TimeSpan.FromSeconds(4));

        var perSecond = await DatabaseActivity.TransactionsPerSecondAsync(factory.ConnectionString, TimeSpan.FromSeconds(8));

        // The relay's poll and the lead sender's poll: about 2 a second; PostgreSQL reports an idle session's commits up to
        // 10 s late, hence the margin. The relay waking itself made hundreds a second.
        Assert.True(perSecond <= 15, $"An idle Notification worker ended {perSecond:0.0} transactions per second.");
    }
}
