using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>« Catalogue » on the real system: the office's Admin lists, filters, creates, edits and retires; an Agent only reads.</summary>
[Collection(SystemCollection.Name)]
public sealed class CatalogueTests(SystemFixture system)
{
    private const string DemoPass = "Forfait Val Nevé — domaine complet";

    [Fact]
    public async Task Admin_FiltersCreatesEditsAndRetiresAProduct_TheServiceMessagesShowUnderTheForm()
    {
        var name = $"Gîte d'essai {Guid.NewGuid().ToString("N")[..6]}";
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "admin@valneve-office.test");
        await page.Locator("a.mud-nav-link[href='/catalogue']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var rows = page.Locator("tbody tr.mud-table-row");

        await Assertions.Expect(rows.Filter(new() { HasText = DemoPass })).ToContainTextAsync("Votre catalogue");
        await page.Locator("[data-type-filter='Accommodation']").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = DemoPass })).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasNotText = "Hébergement" })).ToHaveCountAsync(0);
        await Assertions.Expect(rows.First).ToContainTextAsync("/ nuit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau produit" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Nom du produit", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel("Capacité", new() { Exact = true }).FillAsync("3");
        await dialog.GetByLabel("Personnes par unité", new() { Exact = true }).FillAsync("4");
        await dialog.GetByLabel("Taxe de séjour (€)", new() { Exact = true }).FillAsync("1,65");
        await FillSeasonAsync(dialog, 1, "Basse saison", "2027-01-31", "2027-01-04", "120");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ajouter une saison" }).ClickAsync();
        await FillSeasonAsync(dialog, 2, "Vacances de février", "2027-02-01", "2027-03-07", "185.5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(dialog.GetByText("La saison « Basse saison » finit avant de commencer.")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Nom du produit", new() { Exact = true })).ToHaveValueAsync(name);
        await dialog.GetByLabel("Début de la saison 1", new() { Exact = true }).FillAsync("2027-01-04");
        await dialog.GetByLabel("Fin de la saison 1", new() { Exact = true }).FillAsync("2027-01-31");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var created = rows.Filter(new() { HasText = name });
        await Assertions.Expect(created).ToContainTextAsync("de 120,00 € à 185,50 € / nuit");
        await Assertions.Expect(created).ToContainTextAsync("Votre catalogue");
        await Assertions.Expect(created).ToContainTextAsync("10 %");

        await page.GetByLabel("Rechercher un produit").FillAsync(name);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Modifier {name}" }).ClickAsync();
        await dialog.GetByLabel("Nom du produit", new() { Exact = true }).FillAsync(name + " rénové");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = name + " rénové" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("catalogue"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = $"Retirer {name} rénové" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("gardent");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Retirer", Exact = true }).ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = name })).ToHaveCountAsync(0);

        await page.GetByText("Afficher les produits retirés").ClickAsync();
        var retired = rows.Filter(new() { HasText = name + " rénové" });
        await Assertions.Expect(retired).ToContainTextAsync("Retiré");
        await Assertions.Expect(retired).ToHaveClassAsync(new global::System.Text.RegularExpressions.Regex("catalogue-retired"));
    }

    [Fact]
    public async Task Agent_SeesTheCatalogue_WithoutNouveauProduit()
    {
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await page.Locator("a.mud-nav-link[href='/catalogue']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();

        await Assertions.Expect(page.Locator("tbody tr.mud-table-row", new() { HasText = DemoPass })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouveau produit" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Modifier {DemoPass}" })).ToHaveCountAsync(0);
    }

    private static async Task FillSeasonAsync(ILocator dialog, int index, string name, string from, string to, string price)
    {
        await dialog.GetByLabel($"Nom de la saison {index}", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel($"Début de la saison {index}", new() { Exact = true }).FillAsync(from);
        await dialog.GetByLabel($"Fin de la saison {index}", new() { Exact = true }).FillAsync(to);
        await dialog.GetByLabel($"Prix de la saison {index}", new() { Exact = true }).FillAsync(price);
    }
}
