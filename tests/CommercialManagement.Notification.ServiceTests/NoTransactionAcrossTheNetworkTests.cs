using System.Net;
using System.Net.Sockets;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The worker never waits on the Quote service or the SMTP server with a transaction open (ADR 0012).</summary>
public sealed class NoTransactionAcrossTheNetworkTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task QuotePdfSlowToCome_HoldsNoTransaction_ThenTheEmailGoesWithIt()
    {
        await using var factory = new NotificationFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        factory.StartSmtp();
        var request = await KnowTheCaseAsync(factory, "slow.pdf@example.fr");
        var quote = Events.Quote(Organisation, request.RequestId, "slow.pdf@example.fr");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Quote.Hold = hold;

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());
        await factory.Quote.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var open = await DatabaseActivity.TransactionsOpenLongerThanAsync(factory.ConnectionString, TimeSpan.FromSeconds(1));
        Assert.True(open.Count == 0, $"Transactions stayed open while the Quote service was waited for: {string.Join(" | ", open)}");
        hold.SetResult();
        var email = await factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == "slow.pdf@example.fr"), "with the quote");
        Assert.Single(email.Attachments);
    }

    [Fact]
    public async Task SmtpServerSlowToAnswer_HoldsNoTransaction_AndLocksNoEmail()
    {
        await using var factory = new NotificationFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        // A server that takes the connection and never greets: the sender waits for its SMTP timeout (5 s here).
        using var silent = new TcpListener(IPAddress.Loopback, factory.SmtpPort);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Events.Request(Organisation, "silent.smtp@example.fr"), c => c.MessageId = Guid.NewGuid());

        using var client = await accepted.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var open = await DatabaseActivity.TransactionsOpenLongerThanAsync(factory.ConnectionString, TimeSpan.FromSeconds(1));
        Assert.True(open.Count == 0, $"Transactions stayed open while the SMTP server was waited for: {string.Join(" | ", open)}");
        Assert.Equal(0, await factory.CountAsync("""
            SELECT count(*) FROM emails e
            WHERE e."To" = 'silent.smtp@example.fr' AND NOT EXISTS (SELECT 1 FROM emails f WHERE f."Id" = e."Id" FOR UPDATE SKIP LOCKED)
            """));
    }

    private static async Task<RequestReceived> KnowTheCaseAsync(NotificationFactory factory, string email)
    {
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        var request = Events.Request(Organisation, email, channel: RequestChannel.Phone) with { CustomerSpaceToken = "Tk-slow" };
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0", request.RequestId) == 1,
            TimeSpan.FromSeconds(15)));
        return request;
    }
}
