using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.TestKit;
using MimeKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>
/// Issue 18 end to end, through the real pieces: a staff reply leaves by SMTP with a tagged Reply-To; the customer
/// answers it from their mail client (an email delivered over SMTP to the organisation's reply address, here the mail
/// catcher's IMAP mailbox); Inbox fetches it and it appears in the conversation, unread, once, with its attachment.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReplyByEmailTests(SystemFixture system)
{
    /// <summary>A small real PDF, as a customer's scanner makes one.</summary>
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task StaffReply_CustomerAnswersByEmail_WithAnAttachment_TheMessageIsInTheConversationUnreadOnce()
    {
        var email = $"by-email-{Guid.NewGuid():N}@example.fr";
        var id = await RequestToCaseTests.PostRequestAsync(system.Gateway(), email, name: "Inès Courriel");
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        using var mail = new MailCatcher(system);
        await StaffRepliesAsync(staff, id, "Bonjour Inès, pouvez-vous nous envoyer la copie de votre réservation de train ?");

        // The reply's email says where to answer: the organisation's reply address, tagged for this conversation.
        var sent = await mail.WaitForAsync(email, "Réponse à votre demande");
        var reply = await mail.MimeAsync(sent.Id);
        var replyTo = reply.ReplyTo.Mailboxes.Single().Address;
        Assert.Matches("^reponses\\+[a-z2-7]{32}@valneve-office\\.test$", replyTo);

        // The customer answers from Gmail: new text on top, the history quoted below, a PDF attached.
        var answer = CustomerAnswer(email, replyTo, reply, "Voici le billet, merci !\n\nInès");
        await mail.SendAsync(answer);

        var entry = await WaitForEmailEntryAsync(staff, id);
        Assert.Equal("Voici le billet, merci !\n\nInès", entry.GetProperty("body").GetString());
        Assert.Equal("Customer", entry.GetProperty("kind").GetString());
        var attachment = entry.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("billet-train.pdf", attachment.GetProperty("fileName").GetString());
        var file = await staff.GetAsync($"/api/requests/{id}/attachments/{attachment.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
        Assert.True(detail.GetProperty("request").GetProperty("unread").GetBoolean(), "The customer's email should make the request unread.");

        // The same email delivered again (the customer's server retried): still once.
        await mail.SendAsync(answer);
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Single(await EmailEntriesAsync(staff, id));
    }

    internal static async Task StaffRepliesAsync(HttpClient staff, Guid id, string text)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{id}/messages")
        {
            Content = JsonContent.Create(new { body = text, @internal = false }),
        };
        post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await staff.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>What Gmail sends when the customer answers <paramref name="reply"/>: threaded, quoting it, with a PDF.</summary>
    internal static MimeMessage CustomerAnswer(string from, string replyTo, MimeMessage reply, string text)
    {
        var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress("Inès Courriel", from));
        answer.To.Add(MailboxAddress.Parse(replyTo));
        answer.Subject = $"Re: {reply.Subject}";
        answer.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.fr");
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(reply.MessageId!);
        var quoted = string.Join("\n", (reply.TextBody ?? "").Split('\n').Select(line => $"> {line.TrimEnd('\r')}"));
        var body = new BodyBuilder
        {
            TextBody = $"{text}\n\nLe jeu. 3 déc. 2026 à 10:12, Val Nevé <{replyTo}> a\nécrit :\n\n{quoted}\n",
        };
        body.Attachments.Add("billet-train.pdf", Pdf, new ContentType("application", "pdf"));
        answer.Body = body.ToMessageBody();
        return answer;
    }

    internal static async Task<JsonElement> WaitForEmailEntryAsync(HttpClient staff, Guid id)
    {
        List<JsonElement> entries = [];
        var arrived = await Eventually.TrueAsync(async () => (entries = await EmailEntriesAsync(staff, id)).Count > 0, TimeSpan.FromSeconds(60));
        Assert.True(arrived, "The customer's email never appeared in the conversation.");
        return Assert.Single(entries);
    }

    private static async Task<List<JsonElement>> EmailEntriesAsync(HttpClient staff, Guid id)
    {
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
        return [.. detail.GetProperty("conversation").EnumerateArray().Where(e => e.GetProperty("channel").GetString() == "Email")];
    }
}
