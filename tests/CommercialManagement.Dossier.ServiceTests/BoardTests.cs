using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>« Dossiers »: columns, counts, cards, filters, paging and the CSV export, one organisation at a time.</summary>
public sealed class BoardTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private Task PublishAsync<T>(T message)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = Guid.NewGuid());

    /// <summary>A case of <paramref name="organisation"/> with one service on its quote: a card in « Nouveaux dossiers ».</summary>
    private async Task<Guid> NewDossierAsync(Guid organisation, string name, string email, DateOnly arrival, long totalCents = 95_000)
    {
        var id = Guid.CreateVersion7();
        await PublishAsync(RequestReceivedTests.Received(id, organisation) with { CustomerName = name, CustomerEmail = email, Arrival = arrival, Departure = arrival.AddDays(7) });
        await PublishAsync(new QuoteChanged { OrganisationId = organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = Guid.NewGuid(), LineCount = 1, TotalCents = totalCents });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"Status\" = 'New'", id) == 1,
            TimeSpan.FromSeconds(30)), $"{name}'s dossier did not reach « Nouveaux dossiers ».");
        return id;
    }

    private static async Task<JsonElement> BoardAsync(HttpClient staff, string query = "") =>
        await staff.GetFromJsonAsync<JsonElement>("/api/dossiers/board" + query);

    private static JsonElement Column(JsonElement board, string status) =>
        board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("status").GetString() == status);

    private static List<string> Names(JsonElement column) =>
        [.. column.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("customerName").GetString()!)];

    [Fact]
    public async Task Board_ShowsTheSevenFrenchColumns_WithCountsAndCards_OfMyOrganisationOnly()
    {
        var organisation = Guid.NewGuid();
        var id = await NewDossierAsync(organisation, "Anne Carte", "anne@example.fr", new DateOnly(2027, 2, 6), 123_456);
        await NewDossierAsync(Guid.NewGuid(), "Autre Organisation", "autre@example.fr", new DateOnly(2027, 2, 6));

        var board = await BoardAsync(factory.CreateStaffClient(organisation));

        Assert.Equal(
            ["Nouveaux dossiers", "Dossiers en cours", "En attente de paiement", "Acompte versé", "Paiement soldé", "Commande traitée", "Archivé"],
            board.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList());
        var column = Column(board, "New");
        Assert.Equal(1, column.GetProperty("count").GetInt32());
        var card = Assert.Single(column.GetProperty("cards").EnumerateArray());
        Assert.Equal((id, "Anne Carte", 123_456L, true), (card.GetProperty("id").GetGuid(), card.GetProperty("customerName").GetString(), card.GetProperty("totalCents").GetInt64(), card.GetProperty("hasUnreadMessages").GetBoolean()));
        Assert.Matches("^D-[0-9]{5}$", card.GetProperty("reference").GetString());
        Assert.All(board.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "New"), c => Assert.Equal(0, c.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Filters_SearchAssigneeArrivalAndUnread_AreAppliedToCountsAndCards()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var anne = await NewDossierAsync(organisation, "Anne Filtre", "anne.filtre@example.fr", new DateOnly(2027, 1, 9));
        var bruno = await NewDossierAsync(organisation, "Bruno Filtre", "bruno.filtre@example.fr", new DateOnly(2027, 3, 6));
        var assignee = Guid.NewGuid();
        await PublishAsync(new RequestAssigned { OrganisationId = organisation, OccurredAt = T0.AddMinutes(5), RequestId = bruno, AssigneeId = assignee, AssigneeName = "Lucas Girard" });
        await PublishAsync(new ConversationRead { OrganisationId = organisation, OccurredAt = T0.AddMinutes(6), RequestId = anne, StaffId = assignee });
        Assert.True(await Eventually.TrueAsync(async () =>
            await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"AssigneeName\" = 'Lucas Girard'", bruno) == 1
            && await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND NOT \"HasUnreadMessages\"", anne) == 1, TimeSpan.FromSeconds(30)));
        var brunoReference = Column(await BoardAsync(staff, "?search=bruno"), "New").GetProperty("cards")[0].GetProperty("reference").GetString();

        Assert.Equal(["Anne Filtre"], Names(Column(await BoardAsync(staff, "?search=ANNE.F"), "New")));
        Assert.Equal(["Bruno Filtre"], Names(Column(await BoardAsync(staff, $"?search={brunoReference}"), "New")));
        Assert.Equal(["Bruno Filtre"], Names(Column(await BoardAsync(staff, $"?assignee={assignee}"), "New")));
        Assert.Equal(["Anne Filtre"], Names(Column(await BoardAsync(staff, "?assignee=none"), "New")));
        Assert.Equal(["Bruno Filtre"], Names(Column(await BoardAsync(staff, "?arrivalFrom=2027-02-01&arrivalTo=2027-03-31"), "New")));
        Assert.Equal(["Bruno Filtre"], Names(Column(await BoardAsync(staff, "?unread=true"), "New")));
        Assert.Equal(1, Column(await BoardAsync(staff, "?unread=true"), "New").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Search_TakesPercentAndUnderscoreLiterally()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        await NewDossierAsync(organisation, "Remise 100% Ski", "remise@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Jean 1000 Skieurs", "jean_ski@example.fr", new DateOnly(2027, 2, 6));

        Assert.Equal(["Remise 100% Ski"], Names(Column(await BoardAsync(staff, "?search=0%25%20S"), "New")));
        Assert.Equal(["Jean 1000 Skieurs"], Names(Column(await BoardAsync(staff, "?search=n_ski"), "New")));
    }

    [Fact]
    public async Task Column_PagesOnItsOwn()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        await NewDossierAsync(organisation, "Premier Page", "p1@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Second Page", "p2@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Troisième Page", "p3@example.fr", new DateOnly(2027, 2, 6));

        var page2 = await BoardAsync(staff, "?column=New&page=2&pageSize=2");

        var column = Assert.Single(page2.GetProperty("columns").EnumerateArray());
        Assert.Equal((3, 2), (column.GetProperty("count").GetInt32(), column.GetProperty("page").GetInt32()));
        Assert.Single(column.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task SearchedColumn_PagesNewestFirst_LikeTheWholeColumn()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        await NewDossierAsync(organisation, "Un Cherché", "c1@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Pas Trouvé", "autre@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Deux Cherché", "c2@example.fr", new DateOnly(2027, 2, 6));
        await NewDossierAsync(organisation, "Trois Cherché", "c3@example.fr", new DateOnly(2027, 2, 6));

        var page1 = Assert.Single((await BoardAsync(staff, "?search=cherch&column=New&page=1&pageSize=2")).GetProperty("columns").EnumerateArray());
        var page2 = Assert.Single((await BoardAsync(staff, "?search=cherch&column=New&page=2&pageSize=2")).GetProperty("columns").EnumerateArray());
        var page3 = Assert.Single((await BoardAsync(staff, "?search=cherch&column=New&page=3&pageSize=2")).GetProperty("columns").EnumerateArray());

        Assert.Equal(["Trois Cherché", "Deux Cherché"], Names(page1));
        Assert.Equal(["Un Cherché"], Names(page2));
        Assert.Empty(Names(page3));
        Assert.All(new[] { page1, page2, page3 }, c => Assert.Equal(3, c.GetProperty("count").GetInt32()));
        Assert.Equal(["Trois Cherché", "Deux Cherché", "Un Cherché"], Names(Column(await BoardAsync(staff, "?search=cherch"), "New")));
    }

    [Fact]
    public async Task Export_IsTheFilteredBoardAsFrenchCsv_WithFormulasDisarmed()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        await NewDossierAsync(organisation, "=HYPERLINK(\"http://evil\")", "formule@example.fr", new DateOnly(2027, 2, 6), 120_050);
        await NewDossierAsync(organisation, "Claire Export", "claire.export@example.fr", new DateOnly(2027, 2, 6));

        var response = await staff.GetAsync("/api/dossiers/board.csv?search=formule");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Référence;Colonne;Issue;Client;E-mail;Téléphone;Arrivée;Départ;Adultes;Enfants;Total (€);Payé (€);Attribué à;Dans la colonne depuis;Nouveau message", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(";Nouveaux dossiers;;\"'=HYPERLINK(\"\"http://evil\"\")\";formule@example.fr;+33 6 12 34 56 78;06/02/2027;13/02/2027;2;2;1200,50;0,00;;", row, StringComparison.Ordinal);
        Assert.EndsWith(";oui", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAssigneeFilter_Is400InFrench()
    {
        var response = await factory.CreateStaffClient(Guid.NewGuid()).GetAsync("/api/dossiers/board?assignee=paul");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Filtre « assignee » inconnu : « paul ».", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
