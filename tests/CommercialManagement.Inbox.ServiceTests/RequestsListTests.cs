using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.ServiceDefaults.Input;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class RequestsListTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static readonly Guid Office = new("0b5e7a10-0000-4000-8000-000000000001");

    private async Task<Guid> PhoneRequestAsync(HttpClient staff, string name, string email, string? phone = null)
    {
        var response = await staff.PostAsJsonAsync("/api/requests", new { name, email, phone, arrival = "2027-03-06", departure = "2027-03-13", adults = 2, childrenAges = new[] { 4 }, note = "Rappeler après 18 h" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ListAsync(HttpClient staff, string query = "") =>
        await staff.GetFromJsonAsync<JsonElement>("/api/requests" + query);

    private static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task PhoneRequest_IsStoredAssignedToItsAuthorReadAndPublished()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);

        var id = await PhoneRequestAsync(staff, "Marc Lefèvre", "marc@example.fr", "06 11 22 33 44");

        var item = (await ListAsync(staff)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal("Phone", item.GetProperty("channel").GetString());
        Assert.False(item.GetProperty("unread").GetBoolean());
        Assert.Equal("Agent de test", item.GetProperty("assigneeName").GetString());
        Assert.Equal(1, item.GetProperty("children").GetInt32());
        var published = await factory.PublishedAsync<RequestReceived>(r => r.RequestId == id);
        Assert.Equal(RequestChannel.Phone, published.Channel);
        Assert.Equal(organisation, published.OrganisationId);
        // The dossier shows the same assignee as « Demandes »: the author is told to Dossier as for any assignment.
        var assigned = await factory.PublishedAsync<RequestAssigned>(r => r.RequestId == id);
        Assert.Equal(item.GetProperty("assigneeId").GetGuid(), assigned.AssigneeId);
        Assert.Equal("Agent de test", assigned.AssigneeName);
    }

    [Fact]
    public async Task List_PutsTheLastWrittenInFirst_WithWhoWroteWhatAndWhen()
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());
        var older = await PhoneRequestAsync(staff, "Anne Ancienne", "anne@example.fr");
        var newer = await PhoneRequestAsync(staff, "Noé Nouveau", "noe@example.fr");
        Assert.Equal([newer, older], Ids(await ListAsync(staff)));

        var reply = await staff.PostAsJsonAsync($"/api/requests/{older}/messages", new { body = "Bonjour Anne,\n\n  le chalet est libre du 6 au 13 mars.", @internal = false });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var page = await ListAsync(staff);
        Assert.Equal([older, newer], Ids(page));
        var first = page.GetProperty("items")[0];
        Assert.Equal("Agent de test : Bonjour Anne, le chalet est libre du 6 au 13 mars.", first.GetProperty("lastMessagePreview").GetString());
        Assert.True(first.GetProperty("lastActivityAt").GetDateTimeOffset() > page.GetProperty("items")[1].GetProperty("lastActivityAt").GetDateTimeOffset());
        // The phone call's note is the newer one's last words, marked as a note.
        Assert.Equal("Note de Agent de test : Rappeler après 18 h", page.GetProperty("items")[1].GetProperty("lastMessagePreview").GetString());
    }

    [Fact]
    public async Task PhoneRequest_WithoutEmailAndWithDepartureBeforeArrival_Is400InFrenchAndStoresNothing()
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());

        var response = await staff.PostAsJsonAsync("/api/requests", new { name = "Sans e-mail", arrival = "2027-03-13", departure = "2027-03-06" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("L'adresse e-mail est obligatoire.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("La date de départ doit être après la date d'arrivée.", errors.GetProperty("departure")[0].GetString());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerName\" = 'Sans e-mail'"));
    }

    [Fact]
    public async Task List_IsNewestFirstSearchableAndOnlyMyOrganisations()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var first = await PhoneRequestAsync(staff, "Alice Durand", "alice@example.fr", "04 79 00 00 01");
        var second = await PhoneRequestAsync(staff, "Bruno Petit", "bruno@example.fr");
        var elsewhere = await PhoneRequestAsync(factory.CreateStaffClient(Guid.NewGuid()), "Alice Autre", "alice.autre@example.fr");

        var all = await ListAsync(staff);
        var byName = await ListAsync(staff, "?search=alice");
        var byPhone = await ListAsync(staff, "?search=79%2000");
        var byEmail = await ListAsync(staff, "?search=BRUNO@");

        Assert.Equal([second, first], Ids(all).ToList());
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal([first], Ids(byName).ToList());
        Assert.Equal([first], Ids(byPhone).ToList());
        Assert.Equal([second], Ids(byEmail).ToList());
        Assert.DoesNotContain(elsewhere, Ids(all));
    }

    [Fact]
    public async Task Search_TakesPercentUnderscoreAndBackslashLiterally_IgnoresCaseButNotAccents()
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());
        var underscore = await PhoneRequestAsync(staff, "Léa Martin", "lea_martin@example.fr");
        var anyChar = await PhoneRequestAsync(staff, "Léo Martin", "leaxmartin@example.fr");
        var percent = await PhoneRequestAsync(staff, "Agence 100% Alpes", "contact@alpes.example");
        var anyText = await PhoneRequestAsync(staff, "Agence 1000 Alpes", "info@mille.example");
        var backslash = await PhoneRequestAsync(staff, "Gîte Back\\Slash", "gite@example.fr");
        var accented = await PhoneRequestAsync(staff, "Marc Lefèvre", "marc.l@example.fr");

        async Task<List<Guid>> SearchAsync(string search) => Ids(await ListAsync(staff, "?search=" + Uri.EscapeDataString(search))).ToList();

        Assert.Equal([underscore], await SearchAsync("LEA_MARTIN@EXAMPLE"));
        Assert.Equal([percent], await SearchAsync("100%"));
        Assert.Equal([percent], await SearchAsync("0% a"));
        Assert.Equal([backslash], await SearchAsync("k\\s"));
        Assert.Empty(await SearchAsync("\\%"));
        Assert.Empty(await SearchAsync("%_%"));
        Assert.Equal([accented], await SearchAsync("LEFÈVRE"));
        Assert.Empty(await SearchAsync("lefevre"));
        Assert.Equal([anyText, percent], await SearchAsync("agence"));
        Assert.Equal([anyChar, underscore], await SearchAsync("MARTIN"));
        Assert.Equal(2, (await ListAsync(staff, "?search=ALPES")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_OneOrTwoCharacters_FindsWordsThatStartWithThem_ThreeOrMoreFindTextAnywhere()
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());
        var lea = await PhoneRequestAsync(staff, "Léa Martin", "lea.martin@example.fr", "06 11 22 44 55");
        var cléa = await PhoneRequestAsync(staff, "Cléa Dubois", "cdubois@example.fr");
        var leveque = await PhoneRequestAsync(staff, "Jean-Paul Lévêque", "jp@chalets.fr", "+33 4 79 00 00 01");
        var hugo = await PhoneRequestAsync(staff, "Hugo Roux", "h.roux@example.fr", "0479000002");

        async Task<List<Guid>> SearchAsync(string search) => Ids(await ListAsync(staff, "?search=" + Uri.EscapeDataString(search))).ToList();

        Assert.Equal([leveque, lea], await SearchAsync("Lé"));
        Assert.Equal([leveque, lea], await SearchAsync(" LÉ "));
        Assert.Equal([cléa, lea], await SearchAsync("léa"));
        Assert.Equal([lea], await SearchAsync("m"));
        Assert.Equal([leveque], await SearchAsync("pa"));
        Assert.Equal([hugo], await SearchAsync("ro"));
        Assert.Equal([hugo, cléa, lea], await SearchAsync("ex"));
        Assert.Equal([lea], await SearchAsync("06"));
        Assert.Equal([leveque], await SearchAsync("+3"));
        Assert.Equal([leveque], await SearchAsync("79 00"));
        Assert.Equal([hugo], await SearchAsync("790"));
        Assert.Equal([lea], await SearchAsync("le"));
        Assert.Empty(await SearchAsync("ub"));
        Assert.Empty(await SearchAsync("@"));
        Assert.Equal(2, (await ListAsync(staff, "?search=l%C3%A9")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_PagesNewestFirst_AndAPagePastTheLastIsEmptyWithTheTotal()
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());
        var oldest = await PhoneRequestAsync(staff, "Nina Berthier", "nina@example.fr");
        await PhoneRequestAsync(staff, "Paul Roche", "paul@example.fr");
        var middle = await PhoneRequestAsync(staff, "Yves Berthier", "yves@example.fr");
        var newest = await PhoneRequestAsync(staff, "Zoé Berthier", "zoe@example.fr");

        var pageOne = await ListAsync(staff, "?search=berthier&pageSize=2&page=1");
        var pageTwo = await ListAsync(staff, "?search=berthier&pageSize=2&page=2");
        var pageThree = await ListAsync(staff, "?search=berthier&pageSize=2&page=3");
        var none = await ListAsync(staff, "?search=zq");

        Assert.Equal([newest, middle], Ids(pageOne).ToList());
        Assert.Equal([oldest], Ids(pageTwo).ToList());
        Assert.Empty(Ids(pageThree));
        Assert.Equal(3, pageThree.GetProperty("total").GetInt32());
        Assert.Equal(2, pageTwo.GetProperty("page").GetInt32());
        Assert.Empty(Ids(none));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_FiltersUnreadMineAndUnassigned_AndPages()
    {
        var staff = factory.CreateStaffClient(Office);
        var web = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var posted = await factory.CreateClient().PostAsJsonAsync("/public/requests", SampleRequests.Valid($"web-{i}-{Guid.NewGuid():N}@example.fr"));
            web.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var mine = await PhoneRequestAsync(staff, "Mine", "mine@example.fr");

        var unread = await ListAsync(staff, "?filter=unread&pageSize=100");
        var unassigned = await ListAsync(staff, "?filter=unassigned&pageSize=100");
        var pageOne = await ListAsync(staff, "?pageSize=2&page=1");
        var pageTwo = await ListAsync(staff, "?pageSize=2&page=2");

        Assert.Subset(Ids(unread).ToHashSet(), web.ToHashSet());
        Assert.DoesNotContain(mine, Ids(unread));
        Assert.True(unread.GetProperty("unreadTotal").GetInt32() >= 3);
        Assert.Subset(Ids(unassigned).ToHashSet(), web.ToHashSet());
        Assert.Equal(2, Ids(pageOne).Count());
        Assert.Empty(Ids(pageOne).Intersect(Ids(pageTwo)));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/requests?filter=everything")).StatusCode);
    }

    [Fact]
    public async Task Request_MarkedReadUnreadAndAssigned_ButNotFromAnotherOrganisation()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var id = await PhoneRequestAsync(staff, "Claire Roux", "claire@example.fr");
        var colleague = await factory.KnownStaffAsync(organisation, "Lucas Girard");

        var unread = await staff.DeleteAsync($"/api/requests/{id}/read");
        // The name is the one the gateway gave the member: a name sent along is not taken.
        var assigned = await staff.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId = colleague, assigneeName = new string('x', 201) });
        var mine = await ListAsync(staff, "?filter=unread");
        var stranger = factory.CreateStaffClient(Guid.NewGuid());
        var strangerRead = await stranger.PutAsync($"/api/requests/{id}/read", null);
        var strangerAssign = await stranger.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId = Guid.NewGuid(), assigneeName = "Intrus" });

        Assert.Equal(HttpStatusCode.OK, unread.StatusCode);
        Assert.Equal("Lucas Girard", (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigneeName").GetString());
        Assert.Contains(id, Ids(mine));
        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerAssign.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"Unread\" AND \"AssigneeName\" = 'Lucas Girard'", id));
        var published = await factory.PublishedAsync<RequestAssigned>(e => e.RequestId == id && e.AssigneeId == colleague);
        Assert.Equal((colleague, "Lucas Girard", organisation), (published.AssigneeId!.Value, published.AssigneeName, published.OrganisationId));
    }

    [Fact]
    public async Task Assigning_ToSomeoneWhoIsNoActiveMemberOfTheOrganisation_Is400AndChangesNothing()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var id = await PhoneRequestAsync(staff, "Nina Personne", "nina@example.fr");
        var before = await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0", id.ToString());
        var disabled = await factory.KnownStaffAsync(organisation, "Parti Depuis", active: false);
        var elsewhere = await factory.KnownStaffAsync(Guid.NewGuid(), "Autre Maison");

        foreach (var assignee in new[] { Guid.NewGuid(), disabled, elsewhere })
        {
            var response = await staff.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId = assignee, assigneeName = "Intrus" });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(
                "Ce membre de l'équipe est introuvable dans votre organisation, ou son compte est désactivé.",
                (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("assigneeId")[0].GetString());
        }

        // Still its author's (a phone request is assigned to whoever typed it in), and nothing was announced.
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"AssigneeName\" = 'Intrus'", id));
        Assert.Equal(before, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0", id.ToString()));
    }

    [Theory]
    [InlineData("search=%00")]
    [InlineData("search=Martin%1B")]
    [InlineData("%00=1")]
    public async Task List_QueriedWithACharacterNoTextMayHold_Is400NamingTheParameter(string query)
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());

        var response = await staff.GetAsync($"/api/requests?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(InputText.Refusal, problem.GetProperty("errors").GetProperty(query.StartsWith("search", StringComparison.Ordinal) ? "search" : "query")[0].GetString());
    }

    [Theory]
    [InlineData("page=2147483647")]
    [InlineData("page=2147483647&pageSize=100")]
    public async Task List_AtAPageFarBeyondTheEnd_IsNeverA500(string query)
    {
        var staff = factory.CreateStaffClient(Guid.NewGuid());

        var response = await staff.GetAsync($"/api/requests?{query}");

        Assert.True((int)response.StatusCode < 500, $"{query}: {(int)response.StatusCode}");
    }
}
