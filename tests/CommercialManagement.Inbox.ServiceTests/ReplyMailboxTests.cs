using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MailKit;
using MimeKit;
using static CommercialManagement.Inbox.ServiceTests.ReplyMailboxSteps;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// Customers answer by email (issue 18), against a real IMAP server: what staff see in the conversation, the request list
/// and « Paramètres › Réponses par e-mail » once the email is in the reply mailbox.
/// </summary>
public sealed class ReplyMailboxTests(ReplyMailboxFixture fixture) : IClassFixture<ReplyMailboxFixture>, IAsyncLifetime
{
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly ImapMailbox _mailbox = fixture.Imap.TakeMailbox();

    private InboxFactory Inbox => fixture.Inbox;

    private ImapServer Imap => fixture.Imap;

    public Task InitializeAsync() => Inbox.ConnectAsync(_organisation, Imap, _mailbox);

    public Task DisposeAsync() => Inbox.DisconnectAsync(_organisation, Imap, _mailbox);

    [Fact]
    public async Task CustomerReply_ToTheTaggedAddress_AppearsOnceUnreadAsAnEmail_AndIsMarkedReadInTheMailbox()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "camille.reply@client.example");
        var email = CustomerEmail("camille.reply@client.example", _mailbox.Tagged(token), "Re: Votre séjour", "Bonjour, nous arriverons vers 18 h.");

        await Imap.SendAsync(email);

        var detail = await Inbox.WaitForEmailsAsync(_organisation, id, 1);
        var entry = Assert.Single(EmailEntries(detail));
        Assert.Equal("Customer", entry.GetProperty("kind").GetString());
        Assert.Equal("Bonjour, nous arriverons vers 18 h.", entry.GetProperty("body").GetString()!.Trim());
        Assert.Equal("Re: Votre séjour", entry.GetProperty("emailSubject").GetString());
        Assert.True(entry.GetProperty("hasOriginal").GetBoolean());
        Assert.True(detail.GetProperty("request").GetProperty("unread").GetBoolean());
        var posted = await Inbox.PublishedAsync<CustomerMessagePosted>(m => m.RequestId == id);
        Assert.Equal(entry.GetProperty("id").GetGuid(), posted.MessageId);
        Assert.True(await Eventually.TrueAsync(
            async () => await FlagsAsync(Imap, _mailbox, email.MessageId!) is [var flags] && flags.HasFlag(MessageFlags.Seen), Arrival));

        // Later looks at the mailbox take nothing again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(EmailEntries(await Inbox.DetailAsync(_organisation, id)));
        Assert.Equal(1, await Inbox.EventsAsync<CustomerMessagePosted>(id));
        var taken = Assert.Single((await Inbox.MailboxAsync(_organisation)).GetProperty("recent").EnumerateArray());
        Assert.Equal("Posted", taken.GetProperty("outcome").GetString());
        Assert.Equal(id, taken.GetProperty("requestId").GetGuid());
    }

    [Fact]
    public async Task TheSameEmailDeliveredTwice_IsPostedOnce()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "twice@client.example");
        var email = CustomerEmail("twice@client.example", _mailbox.Tagged(token), "Question", "Le parking est-il compris ?");

        await Imap.SendAsync(email);
        await Imap.SendAsync(email);

        // Both copies are taken (marked read); the second one is known by its Message-ID and changes nothing.
        Assert.True(await Eventually.TrueAsync(
            async () => await FlagsAsync(Imap, _mailbox, email.MessageId!) is [var one, var two] && one.HasFlag(MessageFlags.Seen) && two.HasFlag(MessageFlags.Seen),
            Arrival));
        Assert.Equal(["Le parking est-il compris ?"], EmailBodies(await Inbox.DetailAsync(_organisation, id)).Select(b => b.Trim()));
        var taken = Assert.Single((await Inbox.MailboxAsync(_organisation)).GetProperty("recent").EnumerateArray());
        Assert.Equal("Posted", taken.GetProperty("outcome").GetString());
        Assert.Equal(1, await Inbox.EventsAsync<CustomerMessagePosted>(id));
    }

    [Fact]
    public async Task AReplyNamingAnEmailNotArrivedYet_FindsItsConversationThroughAnEarlierOne_AndTheLaterOneArrivesToo()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "thread@client.example");
        var first = CustomerEmail("thread@client.example", _mailbox.Tagged(token), "Séjour", "Première question : les draps ?");
        await Imap.SendAsync(first);
        await Inbox.WaitForEmailsAsync(_organisation, id, 1);

        // The customer's partner answers from their own address to the bare reply address, in a thread whose latest email
        // (the customer's second one) is still on its way.
        var delayed = CustomerEmail("thread@client.example", _mailbox.Tagged(token), "Séjour", "Deuxième question : le ménage ?");
        var partner = CustomerEmail("partenaire@autre.example", _mailbox.ReplyAddress, "Re: Séjour", "Et un lit bébé, possible ?");
        partner.InReplyTo = delayed.MessageId;
        partner.References.Add(first.MessageId!);
        partner.References.Add(delayed.MessageId!);
        await Imap.SendAsync(partner);
        await Imap.SendAsync(delayed);

        var detail = await Inbox.WaitForEmailsAsync(_organisation, id, 3);
        Assert.Equal(
            ["Première question : les draps ?", "Et un lit bébé, possible ?", "Deuxième question : le ménage ?"],
            EmailBodies(detail).Select(b => b.Trim()));
        Assert.Equal(3, await Inbox.EventsAsync<CustomerMessagePosted>(id));
        var list = await Inbox.CreateStaffClient(_organisation).GetFromJsonAsync<JsonElement>("/api/requests");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task APdfAttached_IsDownloadable_AndTheOriginalIsShownAsText()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "pdf@client.example");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 256))).ToArray();
        var email = CustomerEmail("pdf@client.example", _mailbox.Tagged(token), "Attestation", "Voici l'attestation d'assurance.");
        var body = new BodyBuilder { TextBody = "Voici l'attestation d'assurance." };
        body.Attachments.Add("attestation.pdf", pdf, new ContentType("application", "pdf"));
        email.Body = body.ToMessageBody();

        await Imap.SendAsync(email);

        var entry = Assert.Single(EmailEntries(await Inbox.WaitForEmailsAsync(_organisation, id, 1)));
        var attachment = Assert.Single(entry.GetProperty("attachments").EnumerateArray());
        Assert.Equal("attestation.pdf", attachment.GetProperty("fileName").GetString());
        var staff = Inbox.CreateStaffClient(_organisation);
        var download = await staff.GetAsync($"/api/requests/{id}/attachments/{attachment.GetProperty("id").GetGuid()}");
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));

        var original = await staff.GetAsync($"/api/requests/{id}/messages/{entry.GetProperty("id").GetGuid()}/original");
        Assert.Equal("text/plain", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], original.Headers.GetValues("X-Content-Type-Options"));
        var text = await original.Content.ReadAsStringAsync();
        Assert.Contains($"Message-ID: <{email.MessageId}>", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("attestation.pdf", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedEmails_AreKeptWithoutACrash_AndTheNextGoodEmailStillArrives()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "broken@client.example");
        await Imap.SendRawAsync("broken@client.example", _mailbox.Tagged(token), Encoding.ASCII.GetBytes("no headers at all, only this line\r\n\r\n\x01\x02\r\n"));
        await Imap.SendRawAsync("broken@client.example", _mailbox.Tagged(token), Encoding.ASCII.GetBytes(
            "From: broken@client.example\r\nTo: " + _mailbox.Tagged(token) + "\r\nSubject: cassé\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"jamais\"\r\nContent-Transfer-Encoding: base64\r\n\r\n--jamais\r\n"
            + "Content-Type: application/pdf; name=\"x.pdf\"\r\nContent-Disposition: attachment; filename=\"x.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n%%%% pas du base64 %%%%\r\n"));
        var good = CustomerEmail("broken@client.example", _mailbox.Tagged(token), "Re: Séjour", "Tout va bien, à samedi.");

        await Imap.SendAsync(good);

        var page = await Inbox.WaitForTakenAsync(_organisation, 3);
        Assert.All(page.GetProperty("recent").EnumerateArray(), e => Assert.Contains(e.GetProperty("outcome").GetString(), new[] { "Ignored", "Posted" }));
        var detail = await Inbox.WaitForEmailsAsync(_organisation, id, 1);
        Assert.Contains("Tout va bien, à samedi.", EmailBodies(detail).Select(b => b.Trim()));
        Assert.Equal(200, (int)(await Inbox.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Null(page.GetProperty("status").GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task AnEmailTooBigToFetch_IsPostedWithTheTooBigNote_AndOnlyItsHeadersAreKept()
    {
        var (id, token) = await Inbox.PhoneRequestAsync(_organisation, "huge@client.example");
        var email = CustomerEmail("huge@client.example", _mailbox.Tagged(token), "Les photos", "Voici les photos du chalet.");
        var body = new BodyBuilder { TextBody = "Voici les photos du chalet." };
        var photo = new byte[ReplyMailboxFixture.MaxEmailBytes];
        new Random(18).NextBytes(photo);
        body.Attachments.Add("photos.jpg", photo, new ContentType("image", "jpeg"));
        email.Body = body.ToMessageBody();

        await Imap.SendAsync(email);

        var entry = Assert.Single(EmailEntries(await Inbox.WaitForEmailsAsync(_organisation, id, 1)));
        Assert.Contains("trop volumineux", entry.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("Les photos", entry.GetProperty("emailSubject").GetString());
        Assert.Empty(entry.GetProperty("attachments").EnumerateArray());
        var original = await Inbox.CreateStaffClient(_organisation).GetStringAsync($"/api/requests/{id}/messages/{entry.GetProperty("id").GetGuid()}/original");
        Assert.Contains("Subject: Les photos", original, StringComparison.Ordinal);
        Assert.Contains("Seuls les en-têtes ont été gardés", original, StringComparison.Ordinal);
        Assert.DoesNotContain("photos.jpg", original, StringComparison.Ordinal);
        Assert.True(original.Length < 10_000, $"The original kept is {original.Length} characters long.");
    }

    [Fact]
    public async Task AnEmailFromANewSender_OpensANewRequestByEmail()
    {
        var email = CustomerEmail("nouveau@client.example", _mailbox.ReplyAddress, "Disponibilités en février", "Bonjour, avez-vous un studio du 13 au 20 ?");

        await Imap.SendAsync(email);

        var received = await Inbox.PublishedAsync<RequestReceived>(m => m.OrganisationId == _organisation && m.CustomerEmail == "nouveau@client.example");
        Assert.Equal(RequestChannel.Email, received.Channel);
        var list = await Inbox.CreateStaffClient(_organisation).GetFromJsonAsync<JsonElement>("/api/requests");
        var summary = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Email", summary.GetProperty("channel").GetString());
        Assert.Equal("nouveau@client.example", summary.GetProperty("customerEmail").GetString());
        Assert.True(summary.GetProperty("unread").GetBoolean());
        var detail = await Inbox.DetailAsync(_organisation, received.RequestId);
        Assert.Equal(["Bonjour, avez-vous un studio du 13 au 20 ?"], EmailBodies(detail).Select(b => b.Trim()));
        Assert.Equal("NewRequest", Assert.Single((await Inbox.MailboxAsync(_organisation)).GetProperty("recent").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task AnotherOrganisationsReplyToken_InThisMailbox_NeverReachesTheOtherOrganisationsConversation()
    {
        var other = Guid.NewGuid();
        var (theirs, theirToken) = await Inbox.PhoneRequestAsync(other, "ailleurs@client.example");
        var email = CustomerEmail("ailleurs@client.example", _mailbox.Tagged(theirToken), "Re: Séjour", "Je confirme la réservation.");

        await Imap.SendAsync(email);

        await Inbox.WaitForTakenAsync(_organisation, 1);
        var theirDetail = await Inbox.DetailAsync(other, theirs);
        Assert.Empty(EmailEntries(theirDetail));
        Assert.False(theirDetail.GetProperty("request").GetProperty("unread").GetBoolean());
        Assert.Equal(0, await Inbox.EventsAsync<CustomerMessagePosted>(theirs));
        var ours = Assert.Single((await Inbox.CreateStaffClient(_organisation).GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray());
        Assert.Equal("ailleurs@client.example", ours.GetProperty("customerEmail").GetString());
        Assert.NotEqual(theirs, ours.GetProperty("id").GetGuid());
    }
}
