using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// The sale on the real system: staff build a quote from the catalogue panel and « Divers », edit and send it; the
/// customer accepts it in the customer space; the board shows the dossier awaiting payment.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class QuoteJourneyTests(SystemFixture system)
{
    [Fact]
    public async Task QuoteFromThePanelAndDivers_Sent_AcceptedInTheCustomerSpace_DossierAwaitsPayment()
    {
        var email = $"devis-{Guid.NewGuid():N}@example.fr";
        var id = await System.RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)),
            "The Quote service never learnt of the request.");

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenRequestAsync(page, email);
        // The request's case reaches Dossier a moment after the request: the page refreshes itself until it shows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un devis" }).ClickAsync(new() { Timeout = 30_000 });
        await page.WaitForURLAsync(new global::System.Text.RegularExpressions.Regex($"/dossiers/{id}$"));
        await page.Locator("[data-interactive='true']").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une prestation" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.List, new() { Name = "Prestations proposées" });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ajouter Résidence Les Balcons — T2 4 personnes" }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Lignes du devis" });
        await Assertions.Expect(lines).ToContainTextAsync("Résidence Les Balcons — T2 4 personnes");

        // A children's group lesson: proposed for the whole party of four, priced per person; the agent sets the two
        // children, the card's price follows, and the line added is for two.
        await page.Locator(".mud-chip", new() { HasTextString = "Cours de ski" }).ClickAsync();
        var lesson = panel.GetByRole(AriaRole.Listitem, new() { Name = "Cours collectif enfant, Flocon à 3e étoile" });
        var participants = lesson.GetByLabel("Participants");
        await Assertions.Expect(participants).ToHaveValueAsync("4");
        var forFour = Cents(await lesson.Locator(".offer-price").InnerTextAsync());
        await participants.FillAsync("2");
        await participants.PressAsync("Tab");
        await Assertions.Expect(lesson.Locator(".offer-price")).ToHaveTextAsync(Euros(forFour / 2));
        await lesson.GetByRole(AriaRole.Button, new() { Name = "Ajouter Cours collectif enfant, Flocon à 3e étoile" }).ClickAsync();
        await Assertions.Expect(lines).ToContainTextAsync("Cours collectif enfant, Flocon à 3e étoile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fermer" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Divers" }).ClickAsync();
        var divers = page.GetByRole(AriaRole.Dialog);
        await divers.GetByLabel("Libellé").FillAsync("Panier garni à l'arrivée");
        await divers.GetByLabel("Prix unitaire TTC (€)").FillAsync("45");
        await divers.GetByRole(AriaRole.Button, new() { Name = "Ajouter au devis" }).ClickAsync();
        await Assertions.Expect(lines).ToContainTextAsync("Panier garni à l'arrivée");
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Nouveaux dossiers", new() { Timeout = 30_000 });

        var quote = await staff.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{id}");
        var total = quote.GetProperty("totals").GetProperty("totalCents").GetInt64();
        Assert.Equal(3, quote.GetProperty("lines").GetArrayLength());
        var lessonLine = quote.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productType").GetString() == "SkiLesson");
        Assert.Equal((2, forFour / 2), (lessonLine.GetProperty("quantity").GetInt32(), lessonLine.GetProperty("amountCents").GetInt64()));
        await Assertions.Expect(page.GetByTestId("quote-total")).ToHaveTextAsync(Euros(total));

        // Sent too early, the panel says what is missing first, with nothing to confirm.
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le devis" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Complétez les coordonnées du client (nom, adresse, e-mail) avec « Éditer le devis » avant de l'envoyer.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Éditer le devis" }).ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        await details.GetByLabel("Adresse postale").FillAsync("1 rue Haute\n73000 Chambéry");
        await details.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(details).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le devis" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Envoyé");
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Dossiers en cours", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("quote"), FullPage = true });

        // The customer opens the space from the quote email, as sent.
        using var mail = new System.MailCatcher(system);
        var quoteEmail = await mail.WaitForAsync(email, $"Votre devis {quote.GetProperty("number").GetString()}");
        var link = System.MailCatcher.SpaceLink(quoteEmail);
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(link);
        var section = customer.GetByRole(AriaRole.Region, new() { Name = $"Votre devis {quote.GetProperty("number").GetString()}" });
        await Assertions.Expect(section.GetByTestId("space-quote-total")).ToHaveTextAsync(Euros(total));
        // The customer's actions look like buttons: « Accepter le devis » filled, the PDF outlined.
        var accept = customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" });
        await Assertions.Expect(accept).ToHaveCSSAsync("background-color", "rgb(21, 101, 192)");
        await Assertions.Expect(accept).ToHaveCSSAsync("color", "rgb(255, 255, 255)");
        var pdf = customer.GetByRole(AriaRole.Link, new() { Name = "Télécharger le devis (PDF) et ses conditions générales de vente" });
        await Assertions.Expect(pdf).ToHaveCSSAsync("border-top-color", "rgb(21, 101, 192)");
        await Assertions.Expect(pdf).ToHaveCSSAsync("padding-left", "22px");
        await Assertions.Expect(pdf).ToHaveCSSAsync("text-decoration-line", "none");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await customer.GetByLabel("J'ai lu et j'accepte les conditions générales de vente du devis.").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre acceptation est enregistrée");
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space-quote"), FullPage = true });

        await page.Locator("a.mud-nav-link[href='/dossiers']").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await RequestsTests.SearchAsync(page, "Rechercher un dossier", email, timeout => Assertions.Expect(page.Locator("article.board-card")).ToHaveCountAsync(1, new() { Timeout = timeout }));
        await Assertions.Expect(page.Locator("section[data-status='AwaitingPayment'] article.board-card")).ToContainTextAsync("Élodie Martin", new() { Timeout = 30_000 });
        // Nothing spills out of a card (amounts, names) in the seven columns of a 1,400 px wide window.
        var spilling = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('article.board-card')].filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.getAttribute('aria-label'))");
        Assert.Empty(spilling);
    }

    /// <summary>« 1 008,00 € » in cents.</summary>
    private static long Cents(string euros) => long.Parse(new string(euros.Where(char.IsAsciiDigit).ToArray()), global::System.Globalization.CultureInfo.InvariantCulture);

    private static global::System.Text.RegularExpressions.Regex Euros(long cents) =>
        new($"^{(cents / 100).ToString("#,##0", global::System.Globalization.CultureInfo.InvariantCulture).Replace(",", @"\s")},{cents % 100:00}\\s€$");
}
