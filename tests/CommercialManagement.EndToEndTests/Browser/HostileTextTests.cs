using CommercialManagement.EndToEndTests.System;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// What a visitor types is shown as text wherever staff and the customer read it: no script runs, no markup renders,
/// no dialog opens, in « Demandes », the conversation, the board, the dossier and the customer space.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HostileTextTests(SystemFixture system)
{
    // No < or > in a name (the intake refuses them); quotes and ampersands try to leave an attribute instead.
    private const string Name = "Zoé \"' onmouseover=\"alert(1)\" data-x=' &amp; Æ\u200B\u202Eévil";

    private const string Message = "Bonjour <img src=x onerror=alert(1)><script>alert(2)</script> & <b>gras</b> ' \" {{7*7}} @(1+1)";

    [Fact]
    public async Task AHostileNameAndMessage_RenderAsTextEverywhere_AndNoDialogOpens()
    {
        var email = $"hostile-{Guid.NewGuid():N}@example.fr";
        var (_, reference) = await BoardTests.NewDossierAsync(system, email, Name, Message);
        using var mail = new MailCatcher(system);
        await using var session = await BrowserSession.StartAsync(system);
        var dialogs = new List<string>();
        var agent = await session.NewPageAsync();
        agent.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await session.SignInAsync(agent, "agent@valneve-office.test");

        // « Demandes »: the name and the message's start, as typed.
        await RequestsTests.SearchAsync(agent, "Rechercher", email, timeout => Assertions.Expect(agent.Locator("tbody tr.mud-table-row")).ToHaveCountAsync(1, new() { Timeout = timeout }));
        var row = agent.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(row).ToContainTextAsync(Name);
        await Assertions.Expect(row.Locator(".request-preview")).ToContainTextAsync("Bonjour <img src=x onerror=alert(1)>");

        // The conversation: the whole message, as text.
        await row.ClickAsync();
        var conversation = agent.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        await Assertions.Expect(conversation).ToContainTextAsync(Message);
        Assert.Equal(0, await agent.Locator("img[src='x'], b:text('gras')").CountAsync());

        // The board's card and the dossier's page.
        await agent.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await agent.Locator("[data-interactive='true']").WaitForAsync();
        var card = agent.Locator($"article[aria-label^='{reference} ']");
        await Assertions.Expect(card).ToContainTextAsync(Name);
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Name);
        await agent.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("hostile-dossier"), FullPage = true });

        // The customer space, from the acknowledgement's link.
        var customer = await session.NewPageAsync();
        customer.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await customer.GotoAsync(MailCatcher.SpaceLink(await mail.WaitForAsync(email, "Votre demande a bien été reçue")));
        await Assertions.Expect(customer.GetByRole(AriaRole.List, new() { Name = "Conversation" })).ToContainTextAsync(Message);
        Assert.Equal(0, await customer.Locator("img[src='x'], script:text('alert(2)')").CountAsync());
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("hostile-customer-space"), FullPage = true });

        await Task.Delay(500);
        Assert.Empty(dialogs);
    }
}
