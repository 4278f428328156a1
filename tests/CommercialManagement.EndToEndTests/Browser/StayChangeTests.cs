using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>The stay rule on the real system: a sent quote is lost when staff change the stay, and a re-priced draft takes its place.</summary>
[Collection(SystemCollection.Name)]
public sealed class StayChangeTests(SystemFixture system)
{
    [Fact]
    public async Task ChangingTheStayOfASentQuote_VoidsIt_AndTheRepricedDraftHoldsTheSameLines()
    {
        var email = $"sejour-{Guid.NewGuid():N}@example.fr";
        var id = await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));
        var offer = (await staff.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{id}/offers?type=Accommodation"))
            .EnumerateArray().First(o => o.GetProperty("available").GetBoolean());
        var added = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/lines", new
        {
            productId = offer.GetProperty("productId").GetGuid(), from = offer.GetProperty("from").GetString(), to = offer.GetProperty("to").GetString(),
            quantity = 1, participants = offer.GetProperty("participants").GetInt32(),
        });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var first = await added.Content.ReadFromJsonAsync<JsonElement>();
        var firstId = first.GetProperty("id").GetGuid();
        var firstNumber = first.GetProperty("number").GetString()!;
        var label = offer.GetProperty("name").GetString()!;
        await staff.PutAsJsonAsync($"/api/quotes/{firstId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email });
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/quotes/{firstId}/send", null)).StatusCode);

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenDossierAsync(page, email);
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Envoyé");

        await page.GetByLabel("Adultes").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le séjour" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Changer le séjour" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Historique du dossier" })).ToContainTextAsync("3 adultes");

        // The Quote service hears StayChanged: the sent quote is voided, a new draft re-prices its line for three adults.
        var replaced = await Eventually.TrueAsync(async () =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{id}")).GetProperty("id").GetGuid() != firstId, TimeSpan.FromSeconds(30));
        Assert.True(replaced, $"The quote was not replaced: {await staff.GetStringAsync($"/api/quotes/by-request/{id}")}");
        var heading = page.Locator("#devis h2");
        await Assertions.Expect(heading).Not.ToHaveTextAsync($"Devis {firstNumber}", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("En brouillon");
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Lignes du devis" });
        await Assertions.Expect(lines).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator("ul.quote-others")).ToContainTextAsync($"{firstNumber}");
        await Assertions.Expect(page.Locator("ul.quote-others")).ToContainTextAsync("annulé");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("stay-change"), FullPage = true });

        var voided = await staff.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{id}");
        Assert.NotEqual(firstId, voided.GetProperty("id").GetGuid());
        Assert.Equal(3, voided.GetProperty("stay").GetProperty("adults").GetInt32());
        var old = Assert.Single(voided.GetProperty("otherQuotes").EnumerateArray(), q => q.GetProperty("id").GetGuid() == firstId);
        Assert.Equal("Voided", old.GetProperty("state").GetString());
        var pdf = await staff.GetAsync($"/api/quotes/{firstId}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        // The customer is told, by email and in the space the quote email's link opens: that quote no longer holds, a new one is coming.
        using var mail = new System.MailCatcher(system);
        var told = await mail.WaitForAsync(email, "Votre séjour a changé : un nouveau devis arrive");
        Assert.Contains($"le devis {firstNumber} que nous vous avions envoyé n'est plus valable", told.PlainText, StringComparison.Ordinal);
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(System.MailCatcher.SpaceLink(await mail.WaitForAsync(email, $"Votre devis {firstNumber}")));
        await Assertions.Expect(customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre séjour a changé" }))
            .ToContainTextAsync($"le devis {firstNumber} n'est plus valable. Nous préparons un nouveau devis");
        await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" })).ToHaveCountAsync(0);
        await Assertions.Expect(customer.Locator("body")).Not.ToContainTextAsync("Lucas Girard");
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space-stay-changed"), FullPage = true });
    }
}
