using CommercialManagement.EndToEndTests.System;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// Issue 18 as staff see it: the customer answered a reply by email (through the mail catcher's SMTP, into the
/// organisation's reply mailbox); the agent finds the request unread in « Demandes », opens it, reads the new words only
/// (« par e-mail »), downloads the attachment and opens the original.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReplyByEmailTests(SystemFixture system)
{
    [Fact]
    public async Task CustomerAnsweredByEmail_TheConversationShowsTheNewWords_TheAttachment_AndTheOriginal()
    {
        var email = $"by-email-browser-{Guid.NewGuid():N}@example.fr";
        var id = await RequestToCaseTests.PostRequestAsync(system.Gateway(), email, name: "Inès Courriel");
        var api = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        using var mail = new MailCatcher(system);
        await System.ReplyByEmailTests.StaffRepliesAsync(api, id, "Bonjour Inès, pouvez-vous nous envoyer votre billet de train ?");
        var sent = await mail.WaitForAsync(email, "Réponse à votre demande");
        var reply = await mail.MimeAsync(sent.Id);
        await mail.SendAsync(System.ReplyByEmailTests.CustomerAnswer(email, reply.ReplyTo.Mailboxes.Single().Address, reply, "Le voici.\nÀ bientôt !"));
        await System.ReplyByEmailTests.WaitForEmailEntryAsync(api, id);

        await using var session = await BrowserSession.StartAsync(system);
        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, "agent@valneve-office.test");
        await StaffNavigation.OpenRequestAsync(staff, email);

        var conversation = staff.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        var fromEmail = conversation.Locator("li[data-channel='Email']");
        await Assertions.Expect(fromEmail).ToHaveCountAsync(1);
        await Assertions.Expect(fromEmail.Locator(".entry-body")).ToHaveTextAsync("Le voici.\nÀ bientôt !");
        await Assertions.Expect(fromEmail).ToContainTextAsync("par e-mail");
        await Assertions.Expect(fromEmail).Not.ToContainTextAsync("a écrit");

        // The attachment downloads with its name (never opened in the page).
        var download = await staff.RunAndWaitForDownloadAsync(() => fromEmail.GetByRole(AriaRole.Link, new() { Name = "billet-train.pdf" }).ClickAsync());
        Assert.Equal("billet-train.pdf", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(System.ReplyByEmailTests.Pdf, await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        // The original opens in a new tab as plain text, as it arrived: its headers and MIME parts.
        var original = await staff.RunAndWaitForPopupAsync(() => fromEmail.GetByRole(AriaRole.Link, new() { Name = "Voir l'e-mail d'origine" }).ClickAsync());
        await Assertions.Expect(original.Locator("body")).ToContainTextAsync("In-Reply-To:");
        await Assertions.Expect(original.Locator("body")).ToContainTextAsync("filename=billet-train.pdf");
        await staff.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("conversation-reply-by-email"), FullPage = true });
    }
}
