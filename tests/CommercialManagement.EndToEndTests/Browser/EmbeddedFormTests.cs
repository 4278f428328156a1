using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

[Collection(SystemCollection.Name)]
public sealed class EmbeddedFormTests(SystemFixture system)
{
    [Fact]
    public async Task DemoWebsite_FormPostedCrossOrigin_ThanksTheVisitorAndTheRequestReachesTheBackOffice()
    {
        var email = $"formulaire-{Guid.NewGuid():N}@example.fr";
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await page.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        await page.GetByLabel("Nom et prénom").FillAsync("Zoé Lefèvre");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Arrivée").FillAsync(arrival.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Départ").FillAsync(arrival.AddDays(7).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Âges des enfants (séparés par des virgules)").FillAsync("6, 9");
        await page.GetByLabel("Votre message").FillAsync("Bonjour <b>l'équipe</b>, un chalet pour 4 ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre accord est nécessaire pour être recontacté(e).")).ToBeVisibleAsync();

        await page.GetByLabel("J'accepte d'être recontacté(e) au sujet de ma demande.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Merci ! Votre demande est bien envoyée.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("demo-website-thanks"), FullPage = true });
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var found = await staff.GetFromJsonAsync<JsonElement>($"/api/requests?search={Uri.EscapeDataString(email)}");
        var request = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("Zoé Lefèvre", request.GetProperty("customerName").GetString());
        Assert.Equal(2, request.GetProperty("children").GetInt32());
        Assert.True(request.GetProperty("unread").GetBoolean());
    }

    [Fact]
    public async Task DemoWebsite_ServerRefusal_IsShownUnderTheField()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();

        await page.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        await page.GetByLabel("Nom et prénom").FillAsync("Paul Passé");
        await page.GetByLabel("Adresse e-mail").FillAsync("paul.passe@example.fr");
        await page.GetByLabel("Arrivée").FillAsync("2020-01-04");
        await page.GetByLabel("Départ").FillAsync("2020-01-11");
        await page.GetByLabel("J'accepte d'être recontacté(e) au sujet de ma demande.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();

        await Assertions.Expect(page.GetByText("La date d'arrivée ne peut pas être passée.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("La demande contient des erreurs.")).ToBeVisibleAsync();
    }
}
