using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CommercialManagement.TestKit;
using static CommercialManagement.Inbox.ServiceTests.ReplyMailboxSteps;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The reply mailbox when its server fails (issue 18): staff read why in « Paramètres », the service stays healthy, and
/// the emails are taken once the server is back.
/// </summary>
public sealed class ReplyMailboxOutageTests(ReplyMailboxFixture fixture) : IClassFixture<ReplyMailboxFixture>
{
    private readonly Guid _organisation = Guid.NewGuid();

    private InboxFactory Inbox => fixture.Inbox;

    [Fact]
    public async Task ServerDown_ShowsTheErrorInFrench_ThenTheEmailSentMeanwhileArrivesOnce()
    {
        await using var imap = await ImapServer.StartPrivateAsync("panne");
        var mailbox = imap.TakeMailbox();
        await Inbox.ConnectAsync(_organisation, imap, mailbox);
        try
        {
            var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "panne@client.example");
            await imap.SendAsync(CustomerEmail("panne@client.example", mailbox.Tagged(token), "Avant", "Avant la panne."));
            await Inbox.WaitForEmailsAsync(_organisation, id, 1);

            await imap.StopAsync();

            var error = await LastErrorAsync(e => e is not null, TimeSpan.FromSeconds(20));
            Assert.StartsWith("Le serveur ", error, StringComparison.Ordinal);

            await imap.StartAsync();
            await imap.SendAsync(CustomerEmail("panne@client.example", mailbox.Tagged(token), "Pendant", "Envoyé pendant la panne."));

            // The watcher tries again after 5 s, then 10, 20...: a minute covers a few failed tries.
            var detail = default(JsonElement);
            Assert.True(await Eventually.TrueAsync(
                async () =>
                {
                    detail = await Inbox.DetailAsync(_organisation, id);
                    return EmailEntries(detail).Count >= 2;
                },
                TimeSpan.FromSeconds(90),
                TimeSpan.FromSeconds(1)));
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(["Avant la panne.", "Envoyé pendant la panne."], EmailBodies(await Inbox.DetailAsync(_organisation, id)).Select(b => b.Trim()));
            Assert.Equal(2, await Inbox.EventsAsync<Contracts.Inbox.CustomerMessagePosted>(id));
            Assert.Null(await LastErrorAsync(e => e is null, TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await Inbox.DisconnectAsync(_organisation, imap, mailbox);
        }
    }

    public static TheoryData<string> Garbage => ["random bytes", "a greeting then nonsense"];

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task AServerAnsweringGarbage_IsShownAsTheError_AndTheServiceStaysHealthy(string kind)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var server = ServeGarbageAsync(listener, kind == "random bytes", stop.Token);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var mailbox = new ImapMailbox("poubelle", "poubelle.test");
        await Inbox.ConnectAsync(_organisation, fixture.Imap, mailbox, port);
        try
        {
            var error = await LastErrorAsync(e => e is not null, TimeSpan.FromSeconds(30));

            Assert.StartsWith("Le serveur a répondu de façon inattendue", error, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await Inbox.CreateClient().GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Inbox.CreateStaffClient(_organisation).GetAsync("/api/requests")).StatusCode);
            var page = await Inbox.MailboxAsync(_organisation);
            Assert.True(page.GetProperty("status").GetProperty("consecutiveFailures").GetInt32() >= 1);
            Assert.Empty(page.GetProperty("recent").EnumerateArray());
        }
        finally
        {
            await Inbox.DisconnectAsync(_organisation, fixture.Imap, mailbox, port);
            await stop.CancelAsync();
            listener.Stop();
            await server;
        }
    }

    /// <summary>The mailbox's last error as « Paramètres » shows it, once it satisfies the condition (or when the time is up).</summary>
    private async Task<string?> LastErrorAsync(Func<string?, bool> condition, TimeSpan timeout)
    {
        string? error = null;
        var met = await Eventually.TrueAsync(
            async () =>
            {
                error = (await Inbox.MailboxAsync(_organisation)).GetProperty("status").GetProperty("lastError").GetString();
                return condition(error);
            },
            timeout,
            TimeSpan.FromMilliseconds(500));
        Assert.True(met, $"The mailbox's last error is « {error} » after {timeout.TotalSeconds} s.");
        return error;
    }

    /// <summary>Answers every connection with random bytes, or with an IMAP greeting followed by nonsense to every command.</summary>
    private static async Task ServeGarbageAsync(TcpListener listener, bool fromTheStart, CancellationToken cancellationToken)
    {
        var random = new Random(18);
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var noise = new byte[512];
                    random.NextBytes(noise);
                    if (!fromTheStart)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("* OK IMAP4rev1 ready\r\n"), cancellationToken);
                        var buffer = new byte[1024];
                        _ = await stream.ReadAsync(buffer, cancellationToken);
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("!!?? ((( nonsense \x7f\r\n"), cancellationToken);
                    }

                    await stream.WriteAsync(noise, cancellationToken);
                    await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
                    // Held open a moment: the client fails on what it read, not on a closed connection.
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
                {
                    // The client gave up first.
                }
            }
        }
    }
}
