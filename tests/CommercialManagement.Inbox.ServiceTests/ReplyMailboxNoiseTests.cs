using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MimeKit;
using static CommercialManagement.Inbox.ServiceTests.ReplyMailboxSteps;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// What is not a person writing (issue 18), against a real IMAP server: an out-of-office reply, a delivery failure report
/// and mailing-list traffic never make a request unread, never alert anyone (no <see cref="CustomerMessagePosted"/>,
/// which is what emails the assignee) and never open a request; a failure report marks the customer's address as failing.
/// </summary>
public sealed class ReplyMailboxNoiseTests(ReplyMailboxFixture fixture) : IClassFixture<ReplyMailboxFixture>, IAsyncLifetime
{
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly ImapMailbox _mailbox = fixture.Imap.TakeMailbox();

    private InboxFactory Inbox => fixture.Inbox;

    private ImapServer Imap => fixture.Imap;

    public Task InitializeAsync() => Inbox.ConnectAsync(_organisation, Imap, _mailbox);

    public Task DisposeAsync() => Inbox.DisconnectAsync(_organisation, Imap, _mailbox);

    [Fact]
    public async Task AnOutOfOfficeReply_IsKeptQuietlyInItsConversation_NeitherUnreadNorAlerted()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "absente@client.example");
        var email = CustomerEmail("absente@client.example", _mailbox.Tagged(token), "Réponse automatique : Votre devis",
            "Je suis absente jusqu'au 12 décembre et n'ai pas accès à mes e-mails.");
        email.Headers.Add("Auto-Submitted", "auto-replied");
        email.Headers.Add("X-Auto-Response-Suppress", "All");

        await Imap.SendAsync(email);

        var entry = Assert.Single(EmailEntries(await Inbox.WaitForEmailsAsync(_organisation, id, 1)));
        Assert.Equal("AutoReply", entry.GetProperty("kind").GetString());
        var detail = await Inbox.DetailAsync(_organisation, id);
        Assert.False(detail.GetProperty("request").GetProperty("unread").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("request").GetProperty("awaitingReplySince").ValueKind);
        Assert.Equal(0, await Inbox.EventsAsync<CustomerMessagePosted>(id));
        Assert.Equal("Quiet", Assert.Single((await Inbox.MailboxAsync(_organisation)).GetProperty("recent").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task AnAutomaticReplyOrAListMessageFromAStranger_OpensNoRequest()
    {
        var vacation = CustomerEmail("inconnu@client.example", _mailbox.ReplyAddress, "Out of Office: Votre demande", "I am away until Monday.");
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var newsletter = CustomerEmail("lettre@station.example", _mailbox.ReplyAddress, "Les nouveautés de la saison", "Découvrez nos offres.");
        newsletter.Headers.Add("List-Id", "<nouveautes.station.example>");
        newsletter.Headers.Add("List-Unsubscribe", "<mailto:desinscription@station.example>");

        await Imap.SendAsync(vacation);
        await Imap.SendAsync(newsletter);

        var taken = (await Inbox.WaitForTakenAsync(_organisation, 2)).GetProperty("recent").EnumerateArray().ToList();
        Assert.All(taken, e => Assert.Equal("Ignored", e.GetProperty("outcome").GetString()));
        var list = await Inbox.CreateStaffClient(_organisation).GetFromJsonAsync<JsonElement>("/api/requests");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ADeliveryFailureReport_MarksTheCustomersAddressAsFailing_InTheConversationAndTheList()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "inconnue@client.example");
        var report = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes($"""
            From: Mail Delivery System <MAILER-DAEMON@mx.client.example>
            To: {_mailbox.Tagged(token)}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <{Guid.NewGuid():N}@mx.client.example>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="report"

            --report
            Content-Type: text/plain; charset=us-ascii

            I'm sorry to have to inform you that your message could not be delivered.

            --report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.client.example

            Final-Recipient: rfc822; inconnue@client.example
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <inconnue@client.example>: Recipient address rejected: User unknown

            --report--

            """.Replace("\n", "\r\n", StringComparison.Ordinal))));

        await Imap.SendAsync(report);

        var entry = Assert.Single(EmailEntries(await Inbox.WaitForEmailsAsync(_organisation, id, 1)));
        Assert.Equal("DeliveryReport", entry.GetProperty("kind").GetString());
        Assert.Contains("User unknown", entry.GetProperty("body").GetString(), StringComparison.Ordinal);
        var detail = await Inbox.DetailAsync(_organisation, id);
        Assert.Equal("inconnue@client.example", detail.GetProperty("request").GetProperty("failingEmail").GetString());
        Assert.False(detail.GetProperty("request").GetProperty("unread").GetBoolean());
        Assert.Equal(0, await Inbox.EventsAsync<CustomerMessagePosted>(id));
        var row = Assert.Single((await Inbox.CreateStaffClient(_organisation).GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray());
        Assert.Equal("inconnue@client.example", row.GetProperty("failingEmail").GetString());

        // The customer writes from that address again: it works.
        await Imap.SendAsync(CustomerEmail("inconnue@client.example", _mailbox.Tagged(token), "Re: Votre séjour", "Mon adresse marche de nouveau."));
        await Inbox.WaitForEmailsAsync(_organisation, id, 2);
        Assert.Equal(JsonValueKind.Null, (await Inbox.DetailAsync(_organisation, id)).GetProperty("request").GetProperty("failingEmail").ValueKind);
    }
}
