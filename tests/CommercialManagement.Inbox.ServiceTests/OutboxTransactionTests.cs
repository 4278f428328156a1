using System.Net;
using System.Net.Http.Json;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>Its own database: the trigger below must not break the other tests.</summary>
public sealed class OutboxTransactionTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    [Fact]
    public async Task SubmitRequest_OutboxInsertFails_NeitherTheRequestNorTheEventIsStored()
    {
        var client = factory.CreateClient();
        await factory.ExecuteAsync("""
            CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'outbox refused for the test'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION refuse_outbox();
            """);

        var response = await client.PostAsJsonAsync("/public/requests", TestKit.SampleRequests.Valid("atomic@example.fr"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = 'atomic@example.fr'"));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'customerEmail' = 'atomic@example.fr'"));
    }
}
