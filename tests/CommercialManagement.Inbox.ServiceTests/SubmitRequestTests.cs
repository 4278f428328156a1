using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class SubmitRequestTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    [Fact]
    public async Task SubmitRequest_ValidBody_Returns202AndCommitsTheRequestWithItsOutboxRow()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/public/requests", TestKit.SampleRequests.Valid("valid@example.fr"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"CustomerEmail\" = 'valid@example.fr'", id));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
            typeof(RequestReceived).FullName!, id.ToString()));
    }

    [Fact]
    public async Task SubmitRequest_Committed_RelayPublishesRequestReceivedWithTheOutboxRowAsMessageId()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/public/requests", TestKit.SampleRequests.Valid("relay@example.fr"));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var published = await factory.PublishedAsync<RequestReceived>(m => m.RequestId == id);
        Assert.Equal("Élodie Martin", published.CustomerName);
        Assert.Equal([8, 5], published.ChildrenAges);
        var messageId = factory.PublishedMessageId<RequestReceived>(m => m.RequestId == id)!.Value;
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", messageId));
        Assert.True(await TestKit.Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND sent_at IS NOT NULL", messageId) == 1,
            TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SubmitRequest_NotJson_Returns400ProblemAndStoresNothing()
    {
        var client = factory.CreateClient();
        var before = await factory.CountAsync("SELECT count(*) FROM requests");

        var response = await client.PostAsync("/public/requests", new StringContent("name=Élodie&email=x", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("La requête n'est pas lisible.", problem.GetProperty("title").GetString());
        Assert.Equal(
            "Le corps de la requête n'est pas un objet JSON valide (Content-Type: application/json).",
            problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(before, await factory.CountAsync("SELECT count(*) FROM requests"));
    }

    [Fact]
    public async Task SubmitRequest_WithoutNameAndEmail_Returns400ListingBothFields()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/public/requests", new { siteKey = "valneve-office-demo", message = "Bonjour" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Le nom est obligatoire.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("L'adresse e-mail est obligatoire.", errors.GetProperty("email")[0].GetString());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Message\" = 'Bonjour'"));
    }

    [Fact]
    public async Task SubmitRequest_InvalidEmail_Returns400OnTheEmailField()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/public/requests", TestKit.SampleRequests.Valid("not-an-email"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = 'not-an-email'"));
    }

    [Fact]
    public async Task SubmitRequest_UnknownSiteKey_Returns403AndStoresNothing()
    {
        var client = factory.CreateClient();
        var body = new { siteKey = "no-such-site", name = "Paul", email = "unknown-site@example.fr", consent = true };

        var response = await client.PostAsJsonAsync("/public/requests", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = 'unknown-site@example.fr'"));
    }
}
