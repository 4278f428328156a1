using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

internal static class StaffLogin
{
    public const string DemoPassword = "Demo!2026";

    /// <summary>Signs in through the login page and waits for the interactive back office.</summary>
    public static async Task SignInAsync(this BrowserSession session, IPage page, string email, string password = DemoPassword)
    {
        await session.SubmitLoginAsync(page, email, password);
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    /// <summary>Fills and sends the login form, whatever the outcome.</summary>
    public static async Task SubmitLoginAsync(this BrowserSession session, IPage page, string email, string password)
    {
        await page.GotoAsync(session.At("/connexion"));
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
