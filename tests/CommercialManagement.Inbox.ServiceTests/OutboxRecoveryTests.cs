using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class OutboxRecoveryTests
{
    [Fact]
    public async Task PendingRow_LeftByAProcessThatDiedAfterCommit_IsPublishedAfterRestart()
    {
        // A first process creates the database, then goes away.
        string connectionString;
        await using (var first = new InboxFactory())
        {
            await ((IAsyncLifetime)first).InitializeAsync();
            _ = first.Services;
            connectionString = first.ConnectionString;
        }

        // What it committed but never published: a pending outbox row.
        var messageId = Guid.CreateVersion7();
        var requestId = Guid.CreateVersion7();
        await using var restarted = new InboxFactory(connectionString);
        await ((IAsyncLifetime)restarted).InitializeAsync();
        await restarted.ExecuteAsync($$"""
            INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts)
            VALUES ('{{messageId}}', '{{typeof(RequestReceived).FullName}}',
                    '{"organisationId":"0b5e7a10-0000-4000-8000-000000000001","occurredAt":"2026-11-28T10:00:00+00:00","requestId":"{{requestId}}","channel":"WebForm","customerName":"Jean Dupont","customerEmail":"jean@example.fr","adults":2,"childrenAges":[],"language":"fr"}',
                    '2026-11-28T10:00:00+00:00', '2026-11-28T10:00:00+00:00', 0)
            """);

        // The restarted process publishes it, with the row's id as message id, and marks it sent.
        var published = await restarted.PublishedAsync<RequestReceived>(m => m.RequestId == requestId, m => m.Context.MessageId == messageId);
        Assert.Equal("Jean Dupont", published.CustomerName);
        Assert.True(await Eventually.TrueAsync(
            async () => await restarted.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND sent_at IS NOT NULL", messageId) == 1,
            TimeSpan.FromSeconds(10)));
    }
}
