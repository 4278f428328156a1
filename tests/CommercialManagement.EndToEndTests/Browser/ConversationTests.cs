using System.Text.RegularExpressions;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>Journeys 1 and 3 end to end: the website form, the back office's conversation, the emails, the customer space.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class ConversationTests(SystemFixture system)
{
    [Fact]
    public async Task WebsiteRequest_Reply_CustomerAnswersFromTheSpace_AndTheBackOfficeShowsItUnread()
    {
        var email = $"conversation-{Guid.NewGuid():N}@example.fr";
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(50));
        await using var session = await BrowserSession.StartAsync(system);
        using var mail = new MailCatcher(system);

        // The visitor sends the form from the destination's website.
        var website = await session.NewPageAsync();
        await website.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        await website.GetByLabel("Nom et prénom").FillAsync("Zoé Conversation");
        await website.GetByLabel("Adresse e-mail").FillAsync(email);
        await website.GetByLabel("Arrivée").FillAsync(arrival.ToString("yyyy-MM-dd"));
        await website.GetByLabel("Départ").FillAsync(arrival.AddDays(7).ToString("yyyy-MM-dd"));
        await website.GetByLabel("Votre message").FillAsync("Bonjour, <script>alert(1)</script> un studio pour deux ?");
        await website.GetByLabel("J'accepte d'être recontacté(e) au sujet de ma demande.").CheckAsync();
        await website.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Assertions.Expect(website.GetByText("Merci ! Votre demande est bien envoyée.")).ToBeVisibleAsync();

        // Staff see it unread in « Demandes » and open it as a conversation: opening reads it.
        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, "agent@valneve-office.test");
        await staff.GetByLabel("Rechercher").FillAsync(email);
        var row = staff.Locator("tr.mud-table-row", new() { HasText = email });
        await Assertions.Expect(row).ToHaveClassAsync(UnreadRow());
        await row.GetByRole(AriaRole.Link, new() { Name = "Zoé Conversation" }).ClickAsync();
        var conversation = staff.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        await Assertions.Expect(conversation).ToContainTextAsync("Bonjour, <script>alert(1)</script> un studio pour deux ?");
        await Assertions.Expect(staff.GetByTestId("request-unread")).ToHaveCountAsync(0);

        // An internal note stays inside; the reply goes to the customer by email.
        await staff.GetByLabel("Votre message").FillAsync("À rappeler demain matin");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ajouter une note interne" }).ClickAsync();
        await Assertions.Expect(conversation.Locator("li[data-kind='InternalNote']")).ToContainTextAsync("À rappeler demain matin");
        await staff.GetByLabel("Votre message").FillAsync("Bonjour Zoé, le studio est libre à ces dates.");
        await staff.GetByLabel("Votre message").PressAsync("Control+Enter"); // sends to the customer, as the caption says
        var reply = conversation.Locator("li[data-kind='Staff']");
        await Assertions.Expect(reply).ToContainTextAsync("Bonjour Zoé, le studio est libre à ces dates.");
        await Assertions.Expect(reply).ToContainTextAsync("E-mail remis", new() { Timeout = 45_000 });
        await Assertions.Expect(conversation.Locator("li[data-kind='SystemEmail']")).ToContainTextAsync("Votre demande a bien été reçue", new() { Timeout = 30_000 });
        // The request's labels stay whole (« Téléphone », not « Téléph/one »): each on one line, as tall as its value's first line.
        foreach (var label in await staff.Locator(".request-facts th").AllAsync())
        {
            var lines = await label.EvaluateAsync<int>("th => { const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }");
            Assert.True(lines == 1, $"The label « {await label.InnerTextAsync()} » breaks over {lines} lines.");
        }

        await staff.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("conversation-staff"), FullPage = true });

        // The reply is in the mail catcher with the customer-space link; the note is not.
        var replyEmail = await mail.WaitForAsync(email, "Réponse à votre demande");
        Assert.Contains("le studio est libre à ces dates", replyEmail.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("rappeler demain", replyEmail.PlainText, StringComparison.Ordinal);
        var link = MailCatcher.SpaceLink(replyEmail);

        // The customer opens the space (no account), reads the reply, never the note, and answers.
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(link);
        var thread = customer.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        await Assertions.Expect(thread).ToContainTextAsync("Bonjour, <script>alert(1)</script> un studio pour deux ?");
        await Assertions.Expect(thread).ToContainTextAsync("le studio est libre à ces dates");
        await Assertions.Expect(customer.Locator("body")).Not.ToContainTextAsync("rappeler demain");
        await customer.GetByLabel("Votre message").FillAsync("Parfait, et le parking est-il inclus ?");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre message est envoyé.");
        await Assertions.Expect(thread).ToContainTextAsync("Parfait, et le parking est-il inclus ?");
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space"), FullPage = true });

        // The back office shows it unread again, and the organisation is alerted by email.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Demandes" }).First.ClickAsync();
        await staff.GetByLabel("Rechercher").FillAsync(email);
        await Assertions.Expect(staff.Locator("tr.mud-table-row", new() { HasText = email })).ToHaveClassAsync(UnreadRow());
        await Assertions.Expect(staff.GetByTestId("nav-unread")).ToBeVisibleAsync();
        var alert = await mail.WaitForAsync("valneve", "Nouveau message de Zoé Conversation");
        Assert.DoesNotContain("parking", alert.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationReloadedOnASlowLine_TheReplyBoxWaitsForThePageToBeLive_NothingTypedIsWiped()
    {
        var email = $"draft-{Guid.NewGuid():N}@example.fr";
        await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        await using var session = await BrowserSession.StartAsync(system);
        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, "agent@valneve-office.test");
        await StaffNavigation.OpenRequestAsync(staff, email);
        var box = staff.GetByLabel("Votre message");

        // Reloaded while the script that makes the page live has not arrived: the page shows, the box is not editable yet, so
        // nothing can be typed into a box the live page would replace.
        await staff.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Élodie Martin");
        await Assertions.Expect(box).ToBeDisabledAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Envoyer au client" })).ToBeDisabledAsync();

        // Once live, the box takes the text and keeps it through the page's own refreshes (every 10 s).
        await staff.UnrouteAsync("**/_framework/blazor.web.js");
        await staff.ReloadAsync();
        await staff.Locator("[data-interactive='true']").WaitForAsync();
        await box.PressSequentiallyAsync("Bonjour, je regarde les disponibilités.");
        await staff.WaitForTimeoutAsync(11_000);
        await Assertions.Expect(box).ToHaveValueAsync("Bonjour, je regarde les disponibilités.");
    }

    [Fact]
    public async Task NewRequest_AjouterUnePrestation_OpensTheDossierWithTheCatalogueProposalsOpen()
    {
        var email = $"prestation-{Guid.NewGuid():N}@example.fr";
        await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        await using var session = await BrowserSession.StartAsync(system);
        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, "agent@valneve-office.test");
        await StaffNavigation.OpenRequestAsync(staff, email);

        // The request's case reaches Dossier a moment after the request: the page refreshes itself until it shows.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Ajouter une prestation" }).ClickAsync(new() { Timeout = 30_000 });
        await staff.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?prestation=ajouter$"));
        var proposals = staff.GetByRole(AriaRole.List, new() { Name = "Prestations proposées" });
        await Assertions.Expect(proposals.GetByRole(AriaRole.Button, new() { Name = "Ajouter Résidence Les Balcons — T2 4 personnes" })).ToBeVisibleAsync();
        await staff.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("conversation-ajouter-une-prestation"), FullPage = true });
    }

    [GeneratedRegex("request-unread")]
    private static partial Regex UnreadRow();
}
