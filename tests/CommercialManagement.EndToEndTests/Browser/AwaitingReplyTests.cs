using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// « Demandes » filtered « En attente de réponse » (issue 17): what the customer wrote last and nobody answered, with how
/// long it has waited in office time; the filter kept in the address; a reply takes the request out of it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AwaitingReplyTests(SystemFixture system)
{
    [Fact]
    public async Task AwaitingFilter_ShowsTheUnansweredRequest_KeepsItInTheAddress_AndAReplyTakesItOut()
    {
        var email = $"attente-{Guid.NewGuid():N}@example.fr";
        await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email, name: "Agnès Attente");
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await page.Locator("[data-interactive='true']").WaitForAsync();

        await page.GetByTestId("filter-awaiting").ClickAsync();
        await page.WaitForURLAsync(new global::System.Text.RegularExpressions.Regex("filtre=en-attente"));
        var row = page.Locator("tr.mud-table-row", new() { HasText = email });
        await RequestsTests.SearchAsync(page, "Rechercher", email, timeout => Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await Assertions.Expect(row.GetByTestId("request-waiting")).ToContainTextAsync("en attente depuis");
        await Assertions.Expect(row.GetByTestId("request-waiting")).ToContainTextAsync("ouvrée");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("demandes-en-attente"), FullPage = true });

        // A link to the filtered list shows the same list.
        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await RequestsTests.SearchAsync(page, "Rechercher", email, timeout => Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await Assertions.Expect(row.GetByTestId("request-waiting")).ToBeVisibleAsync();

        // Answered: no longer waiting.
        await row.GetByRole(AriaRole.Link, new() { Name = "Agnès Attente" }).ClickAsync();
        var conversation = page.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        await page.GetByLabel("Votre message").FillAsync("Bonjour Agnès, le chalet est libre.");
        await page.GetByLabel("Votre message").PressAsync("Control+Enter");
        await Assertions.Expect(conversation.Locator("li[data-kind='Staff']")).ToContainTextAsync("le chalet est libre");
        await page.GotoAsync(session.At("/demandes?filtre=en-attente"));
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await RequestsTests.SearchAsync(page, "Rechercher", email, timeout => Assertions.Expect(page.GetByText("Aucune demande ne correspond.")).ToBeVisibleAsync(new() { Timeout = timeout }));
    }
}
