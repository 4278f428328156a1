using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using static CommercialManagement.Inbox.ServiceTests.ReplyMailboxSteps;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The reply mailbox across Inbox's hosts (issue 18): a restart in the middle of the emails, and two replicas on one
/// database, take every email once. A database of its own per test.
/// </summary>
public sealed class ReplyMailboxRestartTests
{
    private readonly Guid _organisation = Guid.NewGuid();

    [Fact]
    public async Task ARestartMidWay_TakesEveryEmailOnce()
    {
        var imap = await ImapServer.GetAsync();
        var mailbox = imap.TakeMailbox();
        await using var first = new InboxFactory { FetchMailboxes = true };
        await ((IAsyncLifetime)first).InitializeAsync();
        var (id, token) = await first.PhoneRequestAsync(_organisation, "redemarrage@client.example");
        await first.ConnectAsync(_organisation, imap, mailbox);
        for (var i = 1; i <= 4; i++)
        {
            await imap.SendAsync(CustomerEmail("redemarrage@client.example", mailbox.Tagged(token), $"Message {i}", $"Message numéro {i}."));
        }

        // Stopped (a second dispose at the end does nothing) as soon as it has taken some: maybe in the middle of one.
        Assert.True(await Eventually.TrueAsync(async () => await TakenAsync(first) >= 1, Arrival, TimeSpan.FromMilliseconds(100)));
        await first.DisposeAsync();
        for (var i = 5; i <= 6; i++)
        {
            await imap.SendAsync(CustomerEmail("redemarrage@client.example", mailbox.Tagged(token), $"Message {i}", $"Message numéro {i}."));
        }

        await using var second = new InboxFactory(first.ConnectionString) { FetchMailboxes = true, MailboxKey = first.MailboxKey };
        _ = second.Services;
        try
        {
            await second.WaitForEmailsAsync(_organisation, id, 6);
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Equal(
                Enumerable.Range(1, 6).Select(i => $"Message numéro {i}."),
                EmailBodies(await second.DetailAsync(_organisation, id)).Select(b => b.Trim()));
            Assert.Equal(6, await TakenAsync(second));
            Assert.Equal(6, await second.EventsAsync<CustomerMessagePosted>(id));
            Assert.Null((await second.MailboxAsync(_organisation)).GetProperty("status").GetProperty("lastError").GetString());
        }
        finally
        {
            await second.DisconnectAsync(_organisation, imap, mailbox);
        }
    }

    [Fact]
    public async Task TwoHostsOnOneDatabase_TakeEveryEmailOnce()
    {
        var imap = await ImapServer.GetAsync();
        var mailbox = imap.TakeMailbox();
        await using var one = new InboxFactory { FetchMailboxes = true };
        await ((IAsyncLifetime)one).InitializeAsync();
        await using var two = new InboxFactory(one.ConnectionString) { FetchMailboxes = true, MailboxKey = one.MailboxKey };
        _ = one.Services;
        _ = two.Services;
        var (id, token) = await one.PhoneRequestAsync(_organisation, "deux-hotes@client.example");
        await one.ConnectAsync(_organisation, imap, mailbox);
        try
        {
            for (var i = 1; i <= 5; i++)
            {
                await imap.SendAsync(CustomerEmail("deux-hotes@client.example", mailbox.Tagged(token), $"Message {i}", $"Message numéro {i}."));
            }

            await one.WaitForEmailsAsync(_organisation, id, 5);
            // Both hosts keep looking for a while: neither takes an email again.
            await Task.Delay(TimeSpan.FromSeconds(4));

            Assert.Equal(
                Enumerable.Range(1, 5).Select(i => $"Message numéro {i}."),
                EmailBodies(await two.DetailAsync(_organisation, id)).Select(b => b.Trim()));
            Assert.Equal(5, await TakenAsync(one));
            Assert.Equal(5, await one.EventsAsync<CustomerMessagePosted>(id));
        }
        finally
        {
            await one.DisconnectAsync(_organisation, imap, mailbox);
        }
    }

    private Task<long> TakenAsync(InboxFactory inbox) =>
        inbox.CountAsync("SELECT count(*) FROM inbound_emails WHERE \"OrganisationId\" = @p0", _organisation);
}
