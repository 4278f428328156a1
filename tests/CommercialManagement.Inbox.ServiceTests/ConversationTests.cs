using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class ConversationTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static readonly Guid Office = new("0b5e7a10-0000-4000-8000-000000000001");

    private async Task<Guid> WebRequestAsync(string email)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", SampleRequests.Valid(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> DetailAsync(HttpClient staff, Guid id) =>
        await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");

    private static string Token(JsonElement detail) => detail.GetProperty("customerSpaceToken").GetString()!;

    private static List<(string Kind, string Body)> Entries(JsonElement detail) =>
        [.. detail.GetProperty("conversation").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("body").GetString()!))];

    [Fact]
    public async Task Reply_IsStoredPendingPublishedWithTheSpaceTokenAndMarksTheRequestRead()
    {
        var id = await WebRequestAsync("reply@example.fr");
        var staff = factory.CreateStaffClient(Office);

        var response = await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "  Bonjour, le chalet est libre.  ", @internal = false });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Staff", entry.GetProperty("kind").GetString());
        Assert.Equal("Pending", entry.GetProperty("delivery").GetString());
        var detail = await DetailAsync(staff, id);
        Assert.Equal([("Customer", "Bonjour, un chalet pour la semaine ?"), ("Staff", "Bonjour, le chalet est libre.")], Entries(detail));
        Assert.False(detail.GetProperty("request").GetProperty("unread").GetBoolean());
        var posted = await factory.PublishedAsync<StaffMessagePosted>(m => m.RequestId == id);
        Assert.Equal("Bonjour, le chalet est libre.", posted.Body);
        Assert.Equal("reply@example.fr", posted.CustomerEmail);
        Assert.Equal(Token(detail), posted.CustomerSpaceToken);
        Assert.Equal(entry.GetProperty("id").GetGuid(), posted.MessageId);
        Assert.Equal(Office, (await factory.PublishedAsync<ConversationRead>(m => m.RequestId == id)).OrganisationId);
    }

    [Fact]
    public async Task InternalNote_IsShownToStaffOnly_NeverPublishedNorInTheCustomerSpace()
    {
        var id = await WebRequestAsync("note@example.fr");
        var staff = factory.CreateStaffClient(Office);

        var response = await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Client difficile, voir avec Paul", @internal = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await DetailAsync(staff, id);
        Assert.Contains(("InternalNote", "Client difficile, voir avec Paul"), Entries(detail));
        var space = await factory.CreateClient().GetStringAsync($"/public/spaces/{Token(detail)}");
        Assert.DoesNotContain("Client difficile", space, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
            typeof(StaffMessagePosted).FullName!, id.ToString()));
    }

    [Fact]
    public async Task CustomerReply_FromTheSpace_LandsUnreadInTheConversationAndAlertsTheAssignee()
    {
        var id = await WebRequestAsync("customer-reply@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var assignee = await factory.KnownStaffAsync(Office, "Paul");
        await staff.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId = assignee });
        await staff.PutAsync($"/api/requests/{id}/read", null);
        var token = Token(await DetailAsync(staff, id));

        var response = await factory.CreateClient().PostAsJsonAsync($"/public/spaces/{token}/messages", new { body = "Merci ! Et pour un chien ?" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await DetailAsync(staff, id);
        Assert.Equal(("Customer", "Merci ! Et pour un chien ?"), Entries(detail)[^1]);
        Assert.True(detail.GetProperty("request").GetProperty("unread").GetBoolean());
        var posted = await factory.PublishedAsync<CustomerMessagePosted>(m => m.RequestId == id);
        Assert.Equal(assignee, posted.AssigneeId);
        Assert.Equal(Office, posted.OrganisationId);
        var space = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/public/spaces/{token}");
        Assert.Equal(
            ["Bonjour, un chalet pour la semaine ?", "Merci ! Et pour un chien ?"],
            space.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList());
    }

    [Fact]
    public async Task RenewedLink_RevokesTheOldOne()
    {
        var id = await WebRequestAsync("renew@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var old = Token(await DetailAsync(staff, id));

        var renewed = await (await staff.PostAsync($"/api/requests/{id}/customer-space/renew", null)).Content.ReadFromJsonAsync<JsonElement>();

        var fresh = renewed.GetProperty("token").GetString()!;
        Assert.NotEqual(old, fresh);
        Assert.True(fresh.Length >= 43);
        var anonymous = factory.CreateClient();
        var oldGet = await anonymous.GetAsync($"/public/spaces/{old}");
        Assert.Equal(HttpStatusCode.NotFound, oldGet.StatusCode);
        Assert.Equal("Ce lien n'est plus valide.", (await oldGet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/public/spaces/{old}/messages", new { body = "encore là ?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/spaces/{fresh}")).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM messages WHERE \"Body\" = 'encore là ?'"));
    }

    [Fact]
    public async Task RenewedLink_IsPublishedThroughTheOutboxWithTheNewToken()
    {
        var id = await WebRequestAsync("renew-published@example.fr");
        var staff = factory.CreateStaffClient(Office);

        var renewed = await (await staff.PostAsync($"/api/requests/{id}/customer-space/renew", null)).Content.ReadFromJsonAsync<JsonElement>();

        var fresh = renewed.GetProperty("token").GetString()!;
        var published = await factory.PublishedAsync<CustomerSpaceLinkRenewed>(m => m.RequestId == id);
        Assert.Equal(fresh, published.CustomerSpaceToken);
        Assert.Equal(Office, published.OrganisationId);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
            typeof(CustomerSpaceLinkRenewed).FullName!, id.ToString()));
    }

    [Fact]
    public async Task RenewingAnUnknownRequest_PublishesNothing()
    {
        var staff = factory.CreateStaffClient(Office);
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/requests/{unknown}/customer-space/renew", null)).StatusCode);

        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
            typeof(CustomerSpaceLinkRenewed).FullName!, unknown.ToString()));
    }

    [Theory]
    [InlineData("", "Le message est vide : écrivez quelque chose avant d'envoyer.")]
    [InlineData("   ", "Le message est vide : écrivez quelque chose avant d'envoyer.")]
    [InlineData(null, "Le message dépasse 5000 caractères.")]
    public async Task EmptyOrTooLongMessages_Are400WithTheReasonAndStoreNothing(string? body, string expected)
    {
        var id = await WebRequestAsync($"bad-body-{expected.Length}-{body?.Length}@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var token = Token(await DetailAsync(staff, id));
        var text = body ?? new string('a', 5001);

        var asStaff = await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = text, @internal = false });
        var asCustomer = await factory.CreateClient().PostAsJsonAsync($"/public/spaces/{token}/messages", new { body = text });

        foreach (var response in new[] { asStaff, asCustomer })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString());
        }

        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM messages WHERE \"RequestId\" = @p0", id));
    }

    [Fact]
    public async Task AnotherOrganisation_CannotReadOrWriteTheConversation()
    {
        var id = await WebRequestAsync("isolated@example.fr");
        var other = factory.CreateStaffClient(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "intrus", @internal = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/requests/{id}/customer-space/renew", null)).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM messages WHERE \"RequestId\" = @p0", id));
    }

    [Fact]
    public async Task StaffEndpoints_RefuseCallsWithoutAStaffToken_AndTheSpaceRefusesMadeUpTokens()
    {
        var id = await WebRequestAsync("anonymous@example.fr");
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/spaces/short")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/spaces/{new string('A', 43)}")).StatusCode);
    }

    [Fact]
    public async Task ReadState_PublishesReadAndUnreadOnlyWhenItChanges()
    {
        var id = await WebRequestAsync("read-state@example.fr");
        var staff = factory.CreateStaffClient(Office);

        await staff.PutAsync($"/api/requests/{id}/read", null);
        await staff.PutAsync($"/api/requests/{id}/read", null);
        await staff.DeleteAsync($"/api/requests/{id}/read");

        await factory.PublishedAsync<ConversationMarkedUnread>(m => m.RequestId == id);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
            typeof(ConversationRead).FullName!, id.ToString()));
    }

    [Fact]
    public async Task EmailDelivery_MarksTheReplySentOrFailed_AndTheAcknowledgementBecomesAnEntry()
    {
        var id = await WebRequestAsync("delivery@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var sent = (await (await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Premier", @internal = false })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var failed = (await (await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Second", @internal = false })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;

        await factory.Harness.Bus.Publish(new EmailSent { OrganisationId = Office, OccurredAt = now, EmailId = Guid.NewGuid(), CaseId = id, Kind = "StaffReply", RegardingId = sent, Subject = "Réponse", Attempts = 1 }, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(new EmailFailed { OrganisationId = Office, OccurredAt = now, EmailId = Guid.NewGuid(), CaseId = id, Kind = "StaffReply", RegardingId = failed, Subject = "Réponse", Attempts = 1, Reason = "550 5.1.1 Mailbox unknown" }, c => c.MessageId = Guid.NewGuid());
        var acknowledgement = new EmailSent { OrganisationId = Office, OccurredAt = now, EmailId = Guid.NewGuid(), CaseId = id, Kind = "RequestAcknowledgement", Subject = "Votre demande a bien été reçue", Attempts = 1 };
        await factory.Harness.Bus.Publish(acknowledgement, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(acknowledgement, c => c.MessageId = Guid.NewGuid());

        Assert.True(await Eventually.TrueAsync(async () =>
            await factory.CountAsync("SELECT count(*) FROM messages WHERE \"RequestId\" = @p0 AND \"Kind\" = 3", id) == 1
            && await factory.CountAsync("SELECT count(*) FROM messages WHERE \"Id\" = @p0 AND \"Delivery\" = 3", failed) == 1
            && await factory.CountAsync("SELECT count(*) FROM messages WHERE \"Id\" = @p0 AND \"Delivery\" = 2", sent) == 1, TimeSpan.FromSeconds(20)));
        var entries = (await DetailAsync(staff, id)).GetProperty("conversation").EnumerateArray().ToList();
        Assert.Equal("550 5.1.1 Mailbox unknown", entries.Single(e => e.GetProperty("id").GetGuid() == failed).GetProperty("deliveryFailure").GetString());
        Assert.Single(entries, e => e.GetProperty("kind").GetString() == "SystemEmail" && e.GetProperty("body").GetString() == "Votre demande a bien été reçue");
    }
}
