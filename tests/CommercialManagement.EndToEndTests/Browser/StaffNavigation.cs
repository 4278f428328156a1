using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>How staff reach a request or a dossier: by the menu, the search and a click, never by typing an address.</summary>
internal static class StaffNavigation
{
    /// <summary>« Demandes » in the menu, the request found by the customer's email, its conversation.</summary>
    public static async Task OpenRequestAsync(IPage page, string customerEmail)
    {
        await page.Locator("a.mud-nav-link[href='/demandes']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var rows = page.Locator("tbody tr.mud-table-row");
        await RequestsTests.SearchAsync(page, "Rechercher", customerEmail, timeout => Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await rows.Filter(new() { HasText = customerEmail }).ClickAsync();
        await page.WaitForURLAsync(new global::System.Text.RegularExpressions.Regex("/demandes/[0-9a-f-]{36}$"));
    }

    /// <summary>« Dossiers » in the menu, the dossier found by the customer's email, its card clicked.</summary>
    public static async Task OpenDossierAsync(IPage page, string customerEmail)
    {
        await page.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var cards = page.Locator("article.board-card");
        await RequestsTests.SearchAsync(page, "Rechercher un dossier", customerEmail, timeout => Assertions.Expect(cards).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await cards.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new global::System.Text.RegularExpressions.Regex("/dossiers/[0-9a-f-]{36}$"));
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }
}
