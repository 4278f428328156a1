using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.Playwright;
using Npgsql;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// Issue 17 as people see it: a sent quote holds its places (the catalogue's « Places réservées » lists them); past its
/// last valid day the quote-expiry job (every 5 seconds here, 0:05 Paris time in production) makes it « Expiré », gives
/// the places back and tells the customer; the customer's space says « Devis expiré »; the agent's « Prolonger la
/// validité » sends it again and holds the places again.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class QuoteExpiryTests(SystemFixture system)
{
    [Fact]
    public async Task ASentQuotePastItsDay_Expires_ItsPlacesAreGivenBack_TheCustomerIsTold_AndTheAgentExtendsIt()
    {
        var email = $"expire-{Guid.NewGuid():N}@example.fr";
        var id = await RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var (quoteId, number) = await SentQuoteWithAStayAsync(staff, id, email);
        var token = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("customerSpaceToken").GetString()!;

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Catalogue" }).ClickAsync();
        var held = page.GetByTestId("held-places").GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(held).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("catalogue-held-places"), FullPage = true });

        // As if it had been sent a week ago: its last valid day was yesterday (Paris). The job does the rest.
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date).AddDays(-1);
        await using (var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(ResourceNames.QuoteDb)))
        {
            await connection.OpenAsync();
            await using var backdate = new NpgsqlCommand("""UPDATE quotes SET "ValidUntil" = @until WHERE "Id" = @id""", connection);
            backdate.Parameters.AddWithValue("until", yesterday);
            backdate.Parameters.AddWithValue("id", quoteId);
            Assert.Equal(1, await backdate.ExecuteNonQueryAsync());
        }

        using var mail = new MailCatcher(system);
        var told = await mail.WaitForAsync(email, "a expiré");
        Assert.Contains(number, told.Subject, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Assertions.Expect(held).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        var customer = await session.NewPageAsync();
        await customer.GotoAsync(session.At($"/espace/{token}"));
        await Assertions.Expect(customer.GetByTestId("space-quote-expired")).ToContainTextAsync("Devis expiré");
        await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" })).ToHaveCountAsync(0);
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space-quote-expired"), FullPage = true });

        await StaffNavigation.OpenDossierAsync(page, email);
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Expiré", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("quote-expired")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("dossier-quote-expired"), FullPage = true });
        await page.GetByTestId("extend-validity").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByTestId("extend-validity-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Envoyé", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Catalogue" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("held-places").GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }

    /// <summary>The agent's quote for the request: one accommodation of their own for the stay (it holds places), the customer, sent.</summary>
    private static async Task<(Guid QuoteId, string Number)> SentQuoteWithAStayAsync(HttpClient staff, Guid id, string email)
    {
        JsonElement offers = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation");
            offers = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30)), "Quote never learnt of the request.");
        var offer = offers.EnumerateArray().First(o => o.GetProperty("available").GetBoolean() && o.GetProperty("ownedByMe").GetBoolean()
            && o.GetProperty("placesLeft").ValueKind == JsonValueKind.Number);
        var line = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/lines", new
        {
            productId = offer.GetProperty("productId").GetGuid(), from = offer.GetProperty("from").GetString(), to = offer.GetProperty("to").GetString(),
            quantity = offer.GetProperty("quantity").GetInt32(),
        });
        Assert.True(line.IsSuccessStatusCode, await line.Content.ReadAsStringAsync());
        var quote = await line.Content.ReadFromJsonAsync<JsonElement>();
        var quoteId = quote.GetProperty("id").GetGuid();
        Assert.True((await staff.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email })).IsSuccessStatusCode);
        var sent = await staff.PostAsync($"/api/quotes/{quoteId}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        return (quoteId, quote.GetProperty("number").GetString()!);
    }
}
