using System.Text.RegularExpressions;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// The seed's whole story, by clicks alone, with two agents of the booking office in two browsers: the website's form,
/// the request live in « Demandes », its assignment, the conversation, the quote built from the catalogue and sent,
/// its PDF, the acceptance in the customer space, the deposit paid online, the balance typed in by the other agent,
/// « Traité » and the archive. Each agent sees the other's changes and the customer's without reloading; the customer
/// starts only from the website and the links in their emails. Each step leaves a screenshot « parcours-NN-… ».
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SeedStoryTests(SystemFixture system)
{
    [Fact]
    public async Task TheWholeStory_FromTheWebsiteFormToTheArchive_TwoAgentsFollowingEachOtherLive()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Agathe Vidal-{tag}";
        var email = $"parcours-{tag}@example.fr";
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(65));
        await using var session = await BrowserSession.StartAsync(system);
        using var mail = new MailCatcher(system);
        var step = 0;
        async Task ShotAsync(IPage page, string what)
        {
            // From the top: a full-page capture of a scrolled page draws the fixed bar in the middle.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath($"parcours-{++step:00}-{what}"), FullPage = true });
        }

        // Lucas (agent) and Camille (admin) start their day at the login page; each lands on « Demandes ».
        var lucas = await session.NewPageAsync();
        await session.SignInAsync(lucas, "agent@valneve-office.test");
        var camille = await session.NewPageAsync();
        await session.SignInAsync(camille, "admin@valneve-office.test");

        // 1. The visitor asks from the destination's website.
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        await customer.GetByLabel("Nom et prénom").FillAsync(name);
        await customer.GetByLabel("Adresse e-mail").FillAsync(email);
        await customer.GetByLabel("Arrivée").FillAsync(arrival.ToString("yyyy-MM-dd"));
        await customer.GetByLabel("Départ").FillAsync(arrival.AddDays(7).ToString("yyyy-MM-dd"));
        await customer.GetByLabel("Votre message").FillAsync("Bonjour, un appartement pour deux la semaine des vacances ?");
        await customer.GetByLabel("J'accepte d'être recontacté(e) au sujet de ma demande.").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Assertions.Expect(customer.GetByText("Merci ! Votre demande est bien envoyée.")).ToBeVisibleAsync();
        await ShotAsync(customer, "formulaire");

        // 2. It appears in both agents' open « Demandes », unread, without a reload.
        var lucasRow = lucas.Locator("tbody tr.mud-table-row", new() { HasText = email });
        var camilleRow = camille.Locator("tbody tr.mud-table-row", new() { HasText = email });
        await Assertions.Expect(lucasRow).ToContainTextAsync("Non lue");
        await Assertions.Expect(camilleRow).ToContainTextAsync("Non lue");
        await ShotAsync(camille, "demandes-en-direct");

        // 3. Lucas opens it and takes it; Camille's list says whose it is.
        await lucasRow.ClickAsync();
        await lucas.WaitForURLAsync(new Regex("/demandes/[0-9a-f-]{36}$"));
        await lucas.Locator("[data-interactive='true']").WaitForAsync();
        await ChooseAsync(lucas, lucas.GetByLabel("Attribuée à"), "Lucas Girard");
        await Assertions.Expect(camilleRow).ToContainTextAsync("Lucas Girard");
        await Assertions.Expect(camilleRow).Not.ToContainTextAsync("Non lue");
        await ShotAsync(camille, "attribuee-a-lucas");

        // 4. Lucas answers; the customer reads it from the email and answers in their space; Lucas's bell rings, not Camille's.
        var camilleBell = camille.Locator("button[aria-label^='Alertes']");
        var camilleBellBefore = await camilleBell.GetAttributeAsync("aria-label");
        var lucasBell = lucas.Locator("button[aria-label^='Alertes']");
        var lucasBellBefore = await lucasBell.GetAttributeAsync("aria-label");
        var box = lucas.GetByLabel("Votre message");
        await Assertions.Expect(box).ToBeEnabledAsync();
        await box.FillAsync($"Bonjour {name}, la Résidence a un appartement libre ces dates-là. Je vous prépare un devis.");
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Envoyer au client" }).ClickAsync();
        var conversation = lucas.GetByRole(AriaRole.List, new() { Name = "Conversation" });
        await Assertions.Expect(conversation.Locator("li[data-kind='Staff']")).ToContainTextAsync("E-mail remis", new() { Timeout = 45_000 });
        await customer.GotoAsync(MailCatcher.SpaceLink(await mail.WaitForAsync(email, "Réponse à votre demande")));
        await customer.GetByLabel("Votre message").FillAsync("Merci ! Nous arriverons vers 18 h.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(conversation).ToContainTextAsync("Merci ! Nous arriverons vers 18 h.");
        await Assertions.Expect(lucasBell).Not.ToHaveAttributeAsync("aria-label", lucasBellBefore ?? "");
        await lucasBell.ClickAsync();
        await Assertions.Expect(lucas.Locator(".mud-menu-item").First).ToContainTextAsync($"{name} a répondu dans son espace client.");
        await ShotAsync(lucas, "alerte-reponse");
        await lucas.Keyboard.PressAsync("Escape");
        Assert.Equal(camilleBellBefore, await camilleBell.GetAttributeAsync("aria-label"));

        // 5. Camille watches the board; Lucas starts the quote from the conversation and adds a stay from the catalogue:
        //    the dossier appears on Camille's board.
        await camille.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await camille.Locator("[data-interactive='true']").WaitForAsync();
        var card = camille.Locator($"article.board-card[aria-label$=' {name}']");
        await lucas.GetByRole(AriaRole.Link, new() { Name = "Créer un devis" }).ClickAsync(new() { Timeout = 30_000 });
        await lucas.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}$"));
        await lucas.Locator("[data-interactive='true']").WaitForAsync();
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Ajouter une prestation" }).ClickAsync();
        var offer = lucas.GetByRole(AriaRole.List, new() { Name = "Prestations proposées" }).Locator("article.offer:not(.offer-unavailable)").First;
        var stay = await offer.GetAttributeAsync("aria-label");
        await offer.GetByRole(AriaRole.Button, new() { Name = $"Ajouter {stay}" }).ClickAsync();
        var lines = lucas.GetByRole(AriaRole.Table, new() { Name = "Lignes du devis" });
        await Assertions.Expect(lines).ToContainTextAsync(stay!);
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Fermer" }).ClickAsync();
        await Assertions.Expect(camille.Locator("section[data-status='New']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ShotAsync(lucas, "devis-construit");

        // 6. The customer's address, then « Envoyer le devis »: the card moves on Camille's board; the PDF is there to read.
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Éditer le devis" }).ClickAsync();
        var details = lucas.GetByRole(AriaRole.Dialog);
        await details.GetByLabel("Adresse postale").FillAsync("4 place du Marché\n69002 Lyon");
        await details.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(details).ToBeHiddenAsync();
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Envoyer le devis" }).ClickAsync();
        await lucas.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(lucas.GetByTestId("quote-state")).ToHaveTextAsync("Envoyé");
        await Assertions.Expect(camille.Locator("section[data-status='InProgress']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ShotAsync(camille, "devis-envoye-tableau");
        var pdfLink = lucas.GetByRole(AriaRole.Link, new() { Name = "Voir le PDF" });
        var pdf = await lucas.Context.APIRequest.GetAsync(session.At((await pdfLink.GetAttributeAsync("href"))!));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("inline", pdf.Headers["content-disposition"], StringComparison.Ordinal);
        var pdfBytes = await pdf.BodyAsync();
        Assert.Equal("%PDF", global::System.Text.Encoding.ASCII.GetString(pdfBytes, 0, 4));
        await File.WriteAllBytesAsync(Path.ChangeExtension(BrowserSession.ScreenshotPath($"parcours-{++step:00}-devis"), ".pdf"), pdfBytes);

        // 7. The customer accepts from the quote's email; Lucas is alerted in the bell and by email, Camille's board moves.
        var quoteEmail = await mail.WaitForAsync(email, "Votre devis");
        var number = Regex.Match(quoteEmail.Subject, @"Votre devis (\S+)").Groups[1].Value;
        Assert.Equal($"{number}.pdf", Regex.Match(await mail.SourceAsync(quoteEmail.Id), @"filename=""?([^"";\r\n]+)").Groups[1].Value);
        lucasBellBefore = await lucasBell.GetAttributeAsync("aria-label");
        await customer.GotoAsync(MailCatcher.SpaceLink(quoteEmail));
        await customer.GetByLabel("J'ai lu et j'accepte les conditions générales de vente du devis.").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre acceptation est enregistrée");
        await ShotAsync(customer, "devis-accepte");
        await Assertions.Expect(lucas.GetByTestId("dossier-column")).ToHaveTextAsync("En attente de paiement", new() { Timeout = 30_000 });
        await Assertions.Expect(camille.Locator("section[data-status='AwaitingPayment']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(lucasBell).Not.ToHaveAttributeAsync("aria-label", lucasBellBefore ?? "");
        var acceptedAlert = await mail.WaitForAsync("agent@valneve-office.test", $"{name} a accepté le devis {number}");
        Assert.Contains("/dossiers/", acceptedAlert.PlainText, StringComparison.Ordinal);

        // 8. Lucas asks the deposit; the customer pays it online from the email; both agents see « Acompte versé ».
        var ask = lucas.GetByTestId("payment-ask-Deposit");
        await Assertions.Expect(ask).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await ask.ClickAsync();
        await lucas.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(lucas.GetByTestId("payment-request-status").First).ToHaveTextAsync("En attente");
        await customer.GotoAsync(MailCatcher.SpaceLink(await mail.WaitForAsync(email, "Demande de paiement")));
        await customer.GetByTestId("space-pay").First.ClickAsync();
        await PaymentTests.PayByCardAsync(customer, email, name, "4242 4242 4242 4242");
        await customer.WaitForURLAsync(new Regex(@"/espace/[^/]+\?paiement=ok"));
        await Assertions.Expect(customer.GetByTestId("space-payment-banner")).ToContainTextAsync("bien reçu", new() { Timeout = 60_000 });
        await ShotAsync(customer, "acompte-paye");
        await Assertions.Expect(lucas.GetByTestId("dossier-column")).ToHaveTextAsync("Acompte versé", new() { Timeout = 30_000 });
        await Assertions.Expect(camille.Locator("section[data-status='DepositPaid']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await mail.WaitForAsync("agent@valneve-office.test", $"{name} a payé l'acompte en ligne");
        await ShotAsync(lucas, "acompte-verse");

        // 9. The balance comes by bank transfer: Camille opens the card and types it in; Lucas's page shows it paid in full.
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await camille.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}$"));
        await camille.Locator("[data-interactive='true']").WaitForAsync();
        var remaining = await camille.GetByTestId("dossier-remaining").InnerTextAsync();
        await camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer un paiement reçu" }).ClickAsync();
        var received = camille.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(received).ToContainTextAsync($"Reste à payer : {remaining}");
        await received.GetByLabel("Référence").FillAsync($"VIR-{tag}");
        await received.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(received).ToBeHiddenAsync();
        await Assertions.Expect(camille.GetByTestId("dossier-column")).ToHaveTextAsync("Paiement soldé");
        await Assertions.Expect(lucas.GetByTestId("dossier-column")).ToHaveTextAsync("Paiement soldé", new() { Timeout = 30_000 });
        await Assertions.Expect(lucas.GetByTestId("dossier-remaining")).ToHaveTextAsync(new Regex(@"^0,00\s€$"));
        await ShotAsync(lucas, "paiement-solde");

        // 10. Lucas records it in the accounting software (« Traité ») and archives it; Camille's page follows both.
        await lucas.GetByLabel("Saisie dans le logiciel (Traité)").ClickAsync();
        await Assertions.Expect(lucas.GetByTestId("dossier-column")).ToHaveTextAsync("Commande traitée");
        await Assertions.Expect(camille.GetByTestId("dossier-column")).ToHaveTextAsync("Commande traitée", new() { Timeout = 30_000 });
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Archiver" }).ClickAsync();
        await Assertions.Expect(lucas.GetByTestId("dossier-column")).ToHaveTextAsync("Archivé");
        await Assertions.Expect(camille.GetByTestId("dossier-column")).ToHaveTextAsync("Archivé", new() { Timeout = 30_000 });
        var history = camille.GetByRole(AriaRole.List, new() { Name = "Historique du dossier" });
        await Assertions.Expect(history).ToContainTextAsync("Paiement soldé → Commande traitée");
        await ShotAsync(camille, "archive");
        await camille.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await Assertions.Expect(camille.Locator("section[data-status='Archived']").Locator(card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Picks <paramref name="option"/> in a MudBlazor select, as a mouse would.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).ClickAsync();
    }
}
