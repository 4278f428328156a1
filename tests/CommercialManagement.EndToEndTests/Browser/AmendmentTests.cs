using System.Net;
using System.Net.Http.Json;
using CommercialManagement.EndToEndTests.System;
using CommercialManagement.TestKit;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// Issue 16's amendment through the real pieces: an accepted order whose deposit is paid, « Modifier la commande » in the
/// back office, a line added, « Envoyer la modification »; the customer opens the space from the email, reads the accepted
/// total, the new one and the difference, and accepts the change; the back office shows the new total and what remains
/// to pay, the deposit still counted.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AmendmentTests(SystemFixture system)
{
    [Fact]
    public async Task AcceptedOrder_AmendedInTheBackOffice_AcceptedAgainByTheCustomer_TheNewTotalAndWhatRemainsShow()
    {
        var email = $"modif-{Guid.NewGuid():N}@example.fr";
        var (id, number, total) = await PaymentJourneyTests.AcceptedQuoteOfAsync(system, await RequestToCaseTests.PostRequestAsync(system.Gateway(), email), email);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var deposit = total * 30 / 100;
        var paid = await staff.PostAsJsonAsync($"/api/payments/by-request/{id}/offline", new { amountCents = deposit, method = "BankTransfer", reference = "VIR-ACOMPTE" });
        Assert.True(paid.StatusCode == HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenDossierAsync(page, email);
        await Assertions.Expect(page.GetByTestId("dossier-remaining")).ToHaveTextAsync(Euros(total - deposit), new() { Timeout = 30_000 });

        // « Modifier la commande »: version 2 opens as a draft; ski lessons are added as a « Divers » line.
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la commande" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Modifier la commande" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-amendment")).ToContainTextAsync("version 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Divers" }).ClickAsync();
        var divers = page.GetByRole(AriaRole.Dialog);
        await divers.GetByLabel("Libellé").FillAsync("Cours de ski pour les enfants");
        await divers.GetByLabel("Prix unitaire TTC (€)").FillAsync("180");
        await divers.GetByRole(AriaRole.Button, new() { Name = "Ajouter au devis" }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Lignes du devis" });
        await Assertions.Expect(lines).ToContainTextAsync("Cours de ski pour les enfants");
        var newTotal = total + 18_000;
        await Assertions.Expect(page.GetByTestId("quote-total")).ToHaveTextAsync(Euros(newTotal));
        await Assertions.Expect(page.GetByTestId("quote-amendment-difference")).ToHaveTextAsync(new global::System.Text.RegularExpressions.Regex(@"^\+180,00\s€$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la modification" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Envoyé");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("amendment-sent"), FullPage = true });

        // The customer opens the space from the email and accepts the change, terms ticked.
        using var mail = new MailCatcher(system);
        var sent = await mail.WaitForAsync(email, $"Modification de votre commande {number}");
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(MailCatcher.SpaceLink(sent));
        var section = customer.GetByRole(AriaRole.Region, new() { Name = $"Modification de votre commande {number}" });
        await Assertions.Expect(section.GetByTestId("space-amendment-accepted")).ToHaveTextAsync(Euros(total));
        await Assertions.Expect(section.GetByTestId("space-amendment-total")).ToHaveTextAsync(Euros(newTotal));
        await Assertions.Expect(section.GetByTestId("space-quote-total")).ToHaveTextAsync(Euros(newTotal));
        await Assertions.Expect(section).ToContainTextAsync("Cours de ski pour les enfants");
        await Assertions.Expect(customer.GetByRole(AriaRole.Link, new() { Name = "Télécharger la modification (PDF) et ses conditions générales de vente" })).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByText("Refuser ce devis")).ToHaveCountAsync(0);
        await customer.GetByLabel("J'ai lu et j'accepte les conditions générales de vente du devis.").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accepter la modification" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre acceptation est enregistrée");
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space-amendment"), FullPage = true });

        // Back office: the quote accepted in version 2 at the new total; the payment panel measures against it, the deposit kept.
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetFromJsonAsync<global::System.Text.Json.JsonElement>($"/api/dossiers/{id}")).GetProperty("acceptedTotalCents").GetInt64() == newTotal,
            TimeSpan.FromSeconds(30)), "The dossier never followed the amendment's total.");
        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("quote-state")).ToHaveTextAsync("Accepté");
        await Assertions.Expect(page.GetByTestId("quote-total")).ToHaveTextAsync(Euros(newTotal));
        await Assertions.Expect(page.GetByTestId("dossier-paid")).ToHaveTextAsync(Euros(deposit));
        await Assertions.Expect(page.GetByTestId("dossier-remaining")).ToHaveTextAsync(Euros(newTotal - deposit), new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("amendment-accepted"), FullPage = true });
    }

    private static global::System.Text.RegularExpressions.Regex Euros(long cents) =>
        new($"^{(cents / 100).ToString("#,##0", global::System.Globalization.CultureInfo.InvariantCulture).Replace(",", @"\s")},{cents % 100:00}\\s€$");
}
