using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Npgsql;

namespace CommercialManagement.EndToEndTests.System;

[Collection(SystemCollection.Name)]
public sealed class RequestToCaseTests(SystemFixture system)
{
    internal static async Task<Guid> PostRequestAsync(HttpClient gateway, string email, string? name = null, string? message = null)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(SampleRequests.Valid(email)))!;
        if (name is not null)
        {
            body["name"] = JsonSerializer.SerializeToElement(name);
        }

        if (message is not null)
        {
            body["message"] = JsonSerializer.SerializeToElement(message);
        }

        var response = await gateway.PostAsJsonAsync("/public/requests", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<HttpClient> StaffClientAsync(SystemFixture system, string email)
    {
        var gateway = system.Gateway();
        var response = await gateway.PostAsJsonAsync("/api/auth/token", new { email, password = "Demo!2026" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return gateway;
    }

    internal static async Task<JsonElement?> FindCaseAsync(HttpClient staff, Guid id)
    {
        var response = await staff.GetAsync($"/api/dossiers/{id}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    internal static async Task<long> CountAsync(DistributedApplication app, string database, string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p0", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), global::System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task PublicRequest_ThroughTheGateway_AppearsAsACaseForItsOrganisationOnly()
    {
        var id = await PostRequestAsync(system.Gateway(), "system@example.fr");

        var officeAgent = await StaffClientAsync(system, "agent@valneve-office.test");
        JsonElement? found = null;
        Assert.True(await Eventually.TrueAsync(async () => (found = await FindCaseAsync(officeAgent, id)) is not null, TimeSpan.FromSeconds(30)));
        var skiSchoolAgent = await StaffClientAsync(system, "agent@esf-valneve.test");
        Assert.Equal(HttpStatusCode.NotFound, (await skiSchoolAgent.GetAsync($"/api/dossiers/{id}")).StatusCode);
        Assert.Equal("Request", found!.Value.GetProperty("status").GetString());
        Assert.Equal("Élodie Martin", found.Value.GetProperty("customerName").GetString());
        Assert.Equal("WebForm", found.Value.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task DossierService_ReachedDirectlyBypassingTheGateway_Answers401()
    {
        var dossier = await system.App.CreateHttpClient(ResourceNames.DossierApi).GetAsync($"/api/dossiers/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, dossier.StatusCode);
    }

    [Fact]
    public async Task PublicRequest_NotJson_IsRefusedWith400ThroughTheGateway()
    {
        var response = await system.Gateway().PostAsync("/public/requests", new StringContent("{not json", global::System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_ThenAPublishedQuoteChangedWithOneLine_ShowsTheDossierInNouveauxDossiers()
    {
        var email = $"nouveau-dossier-{Guid.NewGuid():N}@example.fr";

        var (_, reference) = await Browser.BoardTests.NewDossierAsync(system, email);

        var staff = await StaffClientAsync(system, "agent@valneve-office.test");
        var board = await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/board?search={Uri.EscapeDataString(email)}");
        var column = board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("status").GetString() == "New");
        Assert.Equal("Nouveaux dossiers", column.GetProperty("label").GetString());
        Assert.Contains(column.GetProperty("cards").EnumerateArray(), card => card.GetProperty("reference").GetString() == reference);
    }
}
