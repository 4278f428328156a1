using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommercialManagement.EndToEndTests.System;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// « Demander l'acompte » in the dossier, then the customer's « Payer » in their space, the sandbox's checkout page with a
/// test card, and back: the space says it is received, the dossier shows « Acompte versé » without a reload.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PaymentTests(SystemFixture system)
{
    [Fact]
    public async Task StaffAskTheDeposit_TheCustomerPaysItThroughTheSandbox_TheDossierShowsAcompteVerse()
    {
        var email = $"payer-{Guid.NewGuid():N}@example.fr";
        await PaymentJourneyTests.AcceptedQuoteAsync(system, email);

        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "agent@valneve-office.test");
        await StaffNavigation.OpenDossierAsync(page, email);
        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("En attente de paiement", new() { Timeout = 30_000 });
        var ask = page.GetByTestId("payment-ask-Deposit");
        await Assertions.Expect(ask).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await ask.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("payment-request-status").First).ToHaveTextAsync("En attente");

        // The customer opens their space from the payment request email, as sent, and pays there.
        using var mail = new MailCatcher(system);
        var asked = await mail.WaitForAsync(email, "Demande de paiement");
        var link = MailCatcher.SpaceLink(asked);
        var customer = await session.NewPageAsync();
        await customer.GotoAsync(link);
        await customer.GetByTestId("space-pay").First.ClickAsync();
        await PayByCardAsync(customer, email, "Élodie Martin", "4000 0000 0000 0002");
        await Assertions.Expect(customer.GetByRole(AriaRole.Alert)).ToContainTextAsync("refusée");
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("sandbox-declined"), FullPage = true });

        await customer.GetByLabel("Numéro de carte").FillAsync("4242 4242 4242 4242");
        await customer.GetByLabel("CVC").FillAsync("123");
        await customer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Payer ") }).ClickAsync();
        await customer.WaitForURLAsync(new Regex(@"/espace/[^/]+\?paiement=ok"));
        await Assertions.Expect(customer.GetByTestId("space-payment-banner")).ToContainTextAsync("bien reçu", new() { Timeout = 60_000 });
        await Assertions.Expect(customer.GetByTestId("space-paid")).Not.ToHaveTextAsync(new Regex(@"^0,00\s€$"));
        await customer.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("customer-space-paid"), FullPage = true });

        await Assertions.Expect(page.GetByTestId("dossier-column")).ToHaveTextAsync("Acompte versé", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("payment-request-status").First).ToHaveTextAsync("Payée");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("dossier-payments"), FullPage = true });
    }

    /// <summary>On the sandbox's checkout page « Payer » led to: the card typed as a customer would, and « Payer … ».</summary>
    internal static async Task PayByCardAsync(IPage customer, string email, string holder, string card)
    {
        await customer.WaitForURLAsync(new Regex("/sandbox/checkout/"));
        await customer.GetByLabel("E-mail").FillAsync(email);
        await customer.GetByLabel("Numéro de carte").FillAsync(card);
        await customer.GetByLabel("Expiration").FillAsync("12 / 34");
        await customer.GetByLabel("CVC").FillAsync("123");
        await customer.GetByLabel("Titulaire de la carte").FillAsync(holder);
        await customer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Payer ") }).ClickAsync();
    }
}
