using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using static CommercialManagement.Inbox.ServiceTests.ReplyMailboxSteps;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// « Paramètres › Réponses par e-mail » (issue 18): what an admin may save, what nobody ever reads back (the password),
/// and the connection test against a real IMAP server.
/// </summary>
public sealed class ReplyMailboxSettingsTests(ReplyMailboxFixture fixture) : IClassFixture<ReplyMailboxFixture>
{
    private const string Invalid = "Les réglages de la boîte contiennent des erreurs.";

    private readonly Guid _organisation = Guid.NewGuid();
    private readonly ImapMailbox _mailbox = fixture.Imap.TakeMailbox();

    private InboxFactory Inbox => fixture.Inbox;

    private ImapServer Imap => fixture.Imap;

    public static TheoryData<string, string?, string, string?, string, string> BadSettings => new()
    {
        { "pas-une-adresse", "127.0.0.1", "None", "secret", "replyAddress", "Saisissez l'adresse à laquelle vos clients répondent, par exemple reponses@mon-domaine.fr." },
        { "reponses+x@hotel.test", "127.0.0.1", "None", "secret", "replyAddress", "L'adresse de réponse ne doit pas contenir « + » : le système y ajoute la référence de chaque conversation." },
        { "reponses@hotel.test", "imap.hotel.test", "None", "secret", "security", "Sans chiffrement, le mot de passe circulerait en clair : choisissez TLS ou STARTTLS (« Aucune » est réservée à un serveur sur cette machine)." },
        { "reponses@hotel.test", "127.0.0.1", "None", null, "password", "Saisissez le mot de passe de la boîte." },
        { "reponses@hotel.test", "127.0.0.1", "None", "", "password", "Saisissez le mot de passe de la boîte." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSettings_Are400WithTheReasonInFrench_AndNothingIsStored(
        string replyAddress, string? host, string security, string? password, string field, string expected)
    {
        var response = await Inbox.Admin(_organisation).PutAsJsonAsync("/api/mailbox", new
        {
            enabled = true, replyAddress, host, port = 143, security, userName = "reponses", password, folder = "INBOX",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Invalid, problem.GetProperty("title").GetString());
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        var page = await Inbox.MailboxAsync(_organisation);
        Assert.False(page.GetProperty("enabled").GetBoolean());
        Assert.Equal("", page.GetProperty("replyAddress").GetString());
        Assert.Equal(0, await Inbox.CountAsync("SELECT count(*) FROM mailboxes WHERE \"OrganisationId\" = @p0", _organisation));
        Assert.Equal(0, await OutboxAsync());
    }

    [Fact]
    public async Task AnAgent_CannotReadSaveNorTestTheMailbox()
    {
        var agent = Inbox.CreateStaffClient(_organisation);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/mailbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/mailbox", Settings(Imap, _mailbox))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/mailbox/test", Settings(Imap, _mailbox))).StatusCode);

        Assert.Equal(0, await Inbox.CountAsync("SELECT count(*) FROM mailboxes WHERE \"OrganisationId\" = @p0", _organisation));
    }

    [Fact]
    public async Task ThePassword_IsNeverReadBack_NorStoredInClear_AndTheStoredOneStillConnects()
    {
        var admin = Inbox.Admin(_organisation);

        var saved = await admin.PutAsJsonAsync("/api/mailbox", Settings(Imap, _mailbox, enabled: false));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var shown = await admin.GetStringAsync("/api/mailbox");
        Assert.DoesNotContain(Imap.Password, shown, StringComparison.OrdinalIgnoreCase);
        var page = JsonDocument.Parse(shown).RootElement;
        Assert.True(page.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(_mailbox.ReplyAddress, page.GetProperty("replyAddress").GetString());
        Assert.DoesNotContain(Imap.Password, await saved.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var row = await Inbox.ScalarTextAsync("SELECT m::text FROM mailboxes m WHERE \"OrganisationId\" = @p0", _organisation);
        Assert.Contains(_mailbox.UserName, row, StringComparison.Ordinal);
        Assert.DoesNotContain(Imap.Password, row, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Imap.Password)), row, StringComparison.OrdinalIgnoreCase);

        // No password typed: the test uses the one stored, which only the service can open.
        var test = await admin.PostAsJsonAsync("/api/mailbox/test", Settings(Imap, _mailbox, password: ""));
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
    }

    [Fact]
    public async Task TestWithAWrongPassword_Is422WithTheServersWords()
    {
        var response = await Inbox.Admin(_organisation).PostAsJsonAsync("/api/mailbox/test", Settings(Imap, _mailbox, password: "pas-le-bon"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.StartsWith("La connexion à la boîte a échoué : Le serveur refuse l'identifiant ou le mot de passe : ", title, StringComparison.Ordinal);
        Assert.True(title.Length > "La connexion à la boîte a échoué : Le serveur refuse l'identifiant ou le mot de passe : ".Length, title);
        Assert.Equal(0, await Inbox.CountAsync("SELECT count(*) FROM mailboxes WHERE \"OrganisationId\" = @p0", _organisation));
    }

    [Fact]
    public async Task TestWithTheRightPassword_Is200WithHowManyEmailsWait()
    {
        await Imap.SendAsync(CustomerEmail("a@client.example", _mailbox.ReplyAddress, "Un", "Premier."));
        await Imap.SendAsync(CustomerEmail("b@client.example", _mailbox.ReplyAddress, "Deux", "Second."));
        var admin = Inbox.Admin(_organisation);

        var result = default(JsonElement);
        Assert.True(await Eventually.TrueAsync(
            async () =>
            {
                var response = await admin.PostAsJsonAsync("/api/mailbox/test", Settings(Imap, _mailbox));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                result = await response.Content.ReadFromJsonAsync<JsonElement>();
                return result.GetProperty("messages").GetInt32() == 2;
            },
            TimeSpan.FromSeconds(10)));

        // Tested, not saved: nothing is fetched.
        Assert.Equal(0, await Inbox.CountAsync("SELECT count(*) FROM mailboxes WHERE \"OrganisationId\" = @p0", _organisation));
    }

    [Fact]
    public async Task SwitchingOnAndOff_PublishesTheReplyAddressThenNone()
    {
        var admin = Inbox.Admin(_organisation);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/mailbox", Settings(Imap, _mailbox))).StatusCode);
        var on = await Inbox.PublishedAsync<ReplyMailboxChanged>(m => m.OrganisationId == _organisation);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/mailbox", Settings(Imap, _mailbox, password: ""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/mailbox", Settings(Imap, _mailbox, enabled: false, password: ""))).StatusCode);
        var off = await Inbox.PublishedAsync<ReplyMailboxChanged>(m => m.OrganisationId == _organisation && m.ReplyAddress is null);

        Assert.Equal(_mailbox.ReplyAddress, on.ReplyAddress);
        Assert.Null(off.ReplyAddress);
        // Saving again without changing the address in use announces nothing.
        Assert.Equal(2, await OutboxAsync());
    }

    private Task<long> OutboxAsync() => Inbox.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'organisationId' = @p1",
        typeof(ReplyMailboxChanged).FullName!, _organisation.ToString());
}
