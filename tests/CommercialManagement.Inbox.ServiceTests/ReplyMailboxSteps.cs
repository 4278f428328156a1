using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>What the reply-mailbox tests do as staff (the settings page, a request, its conversation) and as a customer (an email).</summary>
internal static class ReplyMailboxSteps
{
    /// <summary>How long an email may take from SMTP to the conversation: the fetcher looks every second.</summary>
    public static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    /// <summary>The settings « Paramètres › Réponses par e-mail » saves for this IMAP mailbox (no encryption: it runs here).</summary>
    public static object Settings(ImapServer imap, ImapMailbox mailbox, bool enabled = true, string? password = null, int? port = null) => new
    {
        enabled,
        replyAddress = mailbox.ReplyAddress,
        host = imap.Host,
        port = port ?? imap.ImapPort,
        security = "None",
        userName = mailbox.UserName,
        password = password ?? imap.Password,
        folder = "INBOX",
    };

    public static HttpClient Admin(this InboxFactory inbox, Guid organisationId) => inbox.CreateStaffClient(organisationId, StaffClaims.AdminRole);

    /// <summary>An admin saves the mailbox, switched on: the fetcher starts reading it within a second.</summary>
    public static async Task ConnectAsync(this InboxFactory inbox, Guid organisationId, ImapServer imap, ImapMailbox mailbox, int? port = null)
    {
        var response = await inbox.Admin(organisationId).PutAsJsonAsync("/api/mailbox", Settings(imap, mailbox, port: port));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The mailbox switched off at a test's end, so that the shared host stops polling it.</summary>
    public static async Task DisconnectAsync(this InboxFactory inbox, Guid organisationId, ImapServer imap, ImapMailbox mailbox, int? port = null) =>
        await inbox.Admin(organisationId).PutAsJsonAsync("/api/mailbox", Settings(imap, mailbox, enabled: false, port: port));

    /// <summary>A request typed in from a phone call (read: staff wrote it), and the reply token its emails carry (RequestReceived tells Notification).</summary>
    public static async Task<(Guid Id, string ReplyToken)> PhoneRequestAsync(this InboxFactory inbox, Guid organisationId, string email)
    {
        var response = await inbox.CreateStaffClient(organisationId).PostAsJsonAsync("/api/requests", new
        {
            name = "Camille Durand", email, phone = "+33 6 11 22 33 44", arrival = "2027-03-06", departure = "2027-03-13", adults = 2,
            childrenAges = Array.Empty<int>(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Read from the row rather than from RequestReceived: with two hosts on the database, either one's relay publishes it.
        return (id, await inbox.ScalarTextAsync("SELECT \"ReplyToken\" FROM requests WHERE \"Id\" = @p0", id));
    }

    /// <summary>A customer's email in plain new text (no quoted history).</summary>
    public static MimeMessage CustomerEmail(string from, string to, string subject, string text, string? messageId = null)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = messageId ?? $"{Guid.NewGuid():N}@client.example",
            Date = DateTimeOffset.UtcNow,
            Body = new TextPart("plain") { Text = text },
        };
        message.From.Add(new MailboxAddress("Camille Durand", from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    public static async Task<JsonElement> DetailAsync(this InboxFactory inbox, Guid organisationId, Guid requestId) =>
        await inbox.CreateStaffClient(organisationId).GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}");

    /// <summary>The conversation's entries that came by email, as staff see them.</summary>
    public static List<JsonElement> EmailEntries(JsonElement detail) =>
        [.. detail.GetProperty("conversation").EnumerateArray().Where(e => e.GetProperty("channel").GetString() == "Email")];

    public static List<string> EmailBodies(JsonElement detail) => [.. EmailEntries(detail).Select(e => e.GetProperty("body").GetString()!)];

    /// <summary>Waits until the conversation shows at least <paramref name="count"/> entries that came by email; the detail then.</summary>
    public static async Task<JsonElement> WaitForEmailsAsync(this InboxFactory inbox, Guid organisationId, Guid requestId, int count)
    {
        var detail = default(JsonElement);
        var arrived = await Eventually.TrueAsync(
            async () =>
            {
                detail = await inbox.DetailAsync(organisationId, requestId);
                return EmailEntries(detail).Count >= count;
            },
            Arrival,
            TimeSpan.FromMilliseconds(500));
        Assert.True(arrived, $"The conversation shows {EmailEntries(detail).Count} email(s) after {Arrival.TotalSeconds} s, {count} expected; the mailbox: {await inbox.MailboxAsync(organisationId)}");
        return detail;
    }

    /// <summary>« Paramètres › Réponses par e-mail »: the settings, how the fetch goes, the last emails taken.</summary>
    public static async Task<JsonElement> MailboxAsync(this InboxFactory inbox, Guid organisationId) =>
        await inbox.Admin(organisationId).GetFromJsonAsync<JsonElement>("/api/mailbox");

    /// <summary>Waits until the mailbox's page lists at least <paramref name="count"/> emails taken; the page then.</summary>
    public static async Task<JsonElement> WaitForTakenAsync(this InboxFactory inbox, Guid organisationId, int count)
    {
        var page = default(JsonElement);
        var taken = await Eventually.TrueAsync(
            async () =>
            {
                page = await inbox.MailboxAsync(organisationId);
                return page.GetProperty("recent").GetArrayLength() >= count;
            },
            Arrival,
            TimeSpan.FromMilliseconds(500));
        Assert.True(taken, $"The mailbox lists {page.GetProperty("recent").GetArrayLength()} email(s) taken after {Arrival.TotalSeconds} s, {count} expected.");
        return page;
    }

    /// <summary>How many outbox rows of this event name the request: what was published, once each.</summary>
    public static Task<long> EventsAsync<T>(this InboxFactory inbox, Guid requestId) => inbox.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1", typeof(T).FullName!, requestId.ToString());

    /// <summary>The flags of each email with this Message-ID in the mailbox, as a person opening it sees them.</summary>
    public static async Task<List<MessageFlags>> FlagsAsync(ImapServer imap, ImapMailbox mailbox, string messageId)
    {
        using var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync(imap.Host, imap.ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(mailbox.UserName, imap.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var summaries = client.Inbox.Count == 0
            ? []
            : await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return [.. summaries.Where(s => s.Envelope?.MessageId == messageId).Select(s => s.Flags ?? MessageFlags.None)];
    }
}
