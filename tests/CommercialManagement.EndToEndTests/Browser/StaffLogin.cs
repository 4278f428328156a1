using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

internal static class StaffLogin
{
    public const string DemoPassword = "Demo!2026";

    /// <summary>Signs in through the login page and waits for the interactive back office.</summary>
    public static async Task SignInAsync(IPage page, Uri gateway, string email, string password = DemoPassword)
    {
        await SubmitAsync(page, gateway, email, password);
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    /// <summary>Fills and sends the login form, whatever the outcome.</summary>
    public static async Task SubmitAsync(IPage page, Uri gateway, string email, string password)
    {
        await page.GotoAsync(new Uri(gateway, "/connexion").ToString());
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
