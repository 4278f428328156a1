using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// Quote's part of an access request answers an Admin with every table it searches (each query runs against the real
/// schema), refuses an Agent, and asks for a real address; it never gives one organisation's rows to another, even for a
/// customer both know under the same name and address.
/// </summary>
public sealed class PersonalDataExportTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task Export_AnswersTheAdminWithEveryTable_AndRefusesAnAgent()
    {
        var organisationId = Guid.NewGuid();
        var email = $"personne.{Guid.NewGuid():N}@example.fr";
        var admin = factory.CreateStaffClient(organisationId, StaffClaims.AdminRole);

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/quotes/personal-data?email={Uri.EscapeDataString(email)}");

        Assert.Equal(["cases", "quotes", "quote_lines", "quote_versions"], export.GetProperty("tables").EnumerateObject().Select(t => t.Name));
        Assert.All(export.GetProperty("tables").EnumerateObject(), t => Assert.Equal(0, t.Value.GetArrayLength()));
        Assert.Equal(0, export.GetProperty("caseIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(organisationId).GetAsync($"/api/quotes/personal-data?email={Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/quotes/personal-data?email=")).StatusCode);
    }

    [Fact]
    public async Task Export_OfACustomerTwoOrganisationsShare_GivesEachOnlyItsOwnCaseAndQuote()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email) = ($"Léonie Partagée{unique}", $"leonie.{unique}@example.fr");
        var (first, second) = (await Scenario.NewAsync(factory), await Scenario.NewAsync(factory));
        var (firstCase, firstQuote) = await SentQuoteAsync(first, name, email);
        var (secondCase, secondQuote) = await SentQuoteAsync(second, name, email);

        var firstExport = await ExportAsync(first, email);
        var secondExport = await ExportAsync(second, email);

        AssertOnly(firstExport, first.OrganisationId, firstCase, firstQuote, name);
        AssertOnly(secondExport, second.OrganisationId, secondCase, secondQuote, name);
        Assert.DoesNotContain(secondCase.ToString(), firstExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secondQuote.ToString(), firstExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(second.OrganisationId.ToString(), firstExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(firstCase.ToString(), secondExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(firstQuote.ToString(), secondExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.OrganisationId.ToString(), secondExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A case of the customer's in this organisation, and its quote written to them, sent and changed since (so it has a sent version).</summary>
    private async Task<(Guid CaseId, Guid QuoteId)> SentQuoteAsync(Scenario scenario, string name, string email)
    {
        var caseId = Guid.CreateVersion7();
        await scenario.PublishAsync(scenario.Request(caseId) with { CustomerName = name, CustomerEmail = email });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0", caseId) == 1, TimeSpan.FromSeconds(20)));
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name, address = "1 place du Village", email, phone = "0600000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddCustomAsync(caseId, unitPriceCents: 1_000)).StatusCode);
        return (caseId, quoteId);
    }

    private static async Task<JsonElement> ExportAsync(Scenario scenario, string email)
    {
        var response = await scenario.Admin.GetAsync($"/api/quotes/personal-data?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Scenario.JsonAsync(response);
    }

    /// <summary>The export holds the organisation's one case of the customer and its quote, with its lines and sent version, and nothing else.</summary>
    private static void AssertOnly(JsonElement export, Guid organisationId, Guid caseId, Guid quoteId, string name)
    {
        var tables = export.GetProperty("tables");
        Assert.Equal([caseId], export.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()));
        var copy = Assert.Single(tables.GetProperty("cases").EnumerateArray());
        Assert.Equal((caseId, organisationId, name), (copy.GetProperty("Id").GetGuid(), copy.GetProperty("OrganisationId").GetGuid(), copy.GetProperty("CustomerName").GetString()));
        var quote = Assert.Single(tables.GetProperty("quotes").EnumerateArray());
        Assert.Equal((quoteId, organisationId), (quote.GetProperty("Id").GetGuid(), quote.GetProperty("OrganisationId").GetGuid()));
        Assert.Equal(2, tables.GetProperty("quote_lines").GetArrayLength());
        Assert.All(tables.GetProperty("quote_lines").EnumerateArray(), line => Assert.Equal(quoteId, line.GetProperty("QuoteId").GetGuid()));
        Assert.Equal(quoteId, Assert.Single(tables.GetProperty("quote_versions").EnumerateArray()).GetProperty("QuoteId").GetGuid());
        Assert.Equal($"/api/quotes/{quoteId}/pdf", Assert.Single(export.GetProperty("files").EnumerateArray()).GetProperty("url").GetString());
    }
}
