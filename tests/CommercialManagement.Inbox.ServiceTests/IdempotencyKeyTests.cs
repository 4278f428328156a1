using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// A staff reply, a customer's message and a phone request sent twice with the same Idempotency-Key (a double click,
/// a retry after a timeout) are stored, and emailed, once.
/// </summary>
public sealed class IdempotencyKeyTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static readonly Guid Office = new("0b5e7a10-0000-4000-8000-000000000001");

    private const string MessagesOf = "SELECT count(*) FROM messages WHERE \"RequestId\" = @p0";

    [Fact]
    public async Task StaffReply_SameKey_IsStoredAndPublishedOnce_TheSecondAnswerReplayed()
    {
        var id = await WebRequestAsync("idem-reply@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var key = Guid.NewGuid().ToString();
        var reply = new { body = "Bonjour, le chalet est libre.", @internal = false };

        using var first = await staff.PostWithKeyAsync($"/api/requests/{id}/messages", key, reply);
        using var second = await staff.PostWithKeyAsync($"/api/requests/{id}/messages", key, reply);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.WasReplayed());
        Assert.Equal(1, await factory.CountAsync(MessagesOf, id));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%StaffMessagePosted' AND payload->>'requestId' = @p0", id.ToString()));
    }

    [Fact]
    public async Task StaffReply_SameKey_AnotherText_Is422()
    {
        var id = await WebRequestAsync("idem-other@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var key = Guid.NewGuid().ToString();

        using var first = await staff.PostWithKeyAsync($"/api/requests/{id}/messages", key, new { body = "Premier texte", @internal = false });
        using var other = await staff.PostWithKeyAsync($"/api/requests/{id}/messages", key, new { body = "Autre texte", @internal = false });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await factory.CountAsync(MessagesOf, id));
    }

    [Fact]
    public async Task StaffReply_WithoutKey_TwoSends_AreTwoMessages_AsBefore()
    {
        var id = await WebRequestAsync("idem-none@example.fr");
        var staff = factory.CreateStaffClient(Office);

        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Bonjour", @internal = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Bonjour", @internal = false })).StatusCode);

        Assert.Equal(2, await factory.CountAsync(MessagesOf, id));
    }

    [Fact]
    public async Task CustomerMessage_SameKey_IsStoredOnce_AndAnotherSpaceNeverGetsItsAnswer()
    {
        var id = await WebRequestAsync("idem-customer@example.fr");
        var staff = factory.CreateStaffClient(Office);
        var token = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("customerSpaceToken").GetString()!;
        var otherId = await WebRequestAsync("idem-customer-other@example.fr");
        var otherToken = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{otherId}")).GetProperty("customerSpaceToken").GetString()!;
        var customer = factory.CreateClient();
        var key = Guid.NewGuid().ToString();
        var message = new { body = "Merci ! Et pour un chien ?" };

        using var first = await customer.PostWithKeyAsync($"/public/spaces/{token}/messages", key, message);
        using var second = await customer.PostWithKeyAsync($"/public/spaces/{token}/messages", key, message);
        using var elsewhere = await customer.PostWithKeyAsync($"/public/spaces/{otherToken}/messages", key, message);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.True(second.WasReplayed());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.CountAsync(MessagesOf, id));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.False(elsewhere.WasReplayed());
        Assert.Equal(1, await factory.CountAsync(MessagesOf, otherId));
    }

    [Fact]
    public async Task PhoneRequest_SameKey_OpensOneCase()
    {
        var staff = factory.CreateStaffClient(Office);
        var key = Guid.NewGuid().ToString();
        var email = $"idem-phone-{Guid.NewGuid():N}@example.fr";
        var call = new { name = "Appel de Mme Roux", email, phone = "0612345678", arrival = "2027-03-06", departure = "2027-03-13", adults = 2, note = "Rappeler" };

        using var first = await staff.PostWithKeyAsync("/api/requests", key, call);
        using var second = await staff.PostWithKeyAsync("/api/requests", key, call);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.True(second.WasReplayed());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = @p0", email));
    }

    private async Task<Guid> WebRequestAsync(string email)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", SampleRequests.Valid(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
