using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>The gateway checking sessions every second instead of every 30 s, so that a test waits for one check.</summary>
public sealed class QuickRevalidationGatewayFactory : GatewayFactory
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Long enough for every check (cookie, cached API-token state) made before a change to be out of date.</summary>
    public static Task PastTheIntervalAsync() => Task.Delay(Interval + TimeSpan.FromMilliseconds(600));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:RevalidationInterval", "00:00:01");
    }
}

/// <summary>
/// Rights withdrawn from a member (demoted, disabled) reach their API tokens and login cookies at the next check: within
/// the interval, the same token or cookie is refused and nothing more is forwarded to a service.
/// </summary>
public sealed class SessionRevocationTests(QuickRevalidationGatewayFactory factory) : IClassFixture<QuickRevalidationGatewayFactory>
{
    private const string Password = "Neige!2027";

    public static TheoryData<string> Withdrawals => ["demoted", "disabled"];

    [Theory]
    [MemberData(nameof(Withdrawals))]
    public async Task ApiToken_OfAnAdmin_WhoIsThen_IsRefusedAfterTheInterval_AndNothingIsForwarded(string withdrawal)
    {
        var (email, userId) = await NewAdminAsync();
        var client = factory.CreateClient();
        var token = await TokenAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, (await GetDossierAsync(client, token, Guid.NewGuid())).StatusCode);

        await WithdrawAsync(withdrawal, userId);
        await QuickRevalidationGatewayFactory.PastTheIntervalAsync();
        var marker = Guid.NewGuid();
        var refused = await GetDossierAsync(client, token, marker);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(ApiTokenRevocation.Refusal, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.DoesNotContain(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }

    [Fact]
    public async Task ApiToken_OfAnUnchangedMember_KeepsWorkingPastTheInterval()
    {
        var (email, _) = await NewAdminAsync();
        var client = factory.CreateClient();
        var token = await TokenAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, (await GetDossierAsync(client, token, Guid.NewGuid())).StatusCode);

        await QuickRevalidationGatewayFactory.PastTheIntervalAsync();

        Assert.Equal(HttpStatusCode.OK, (await GetDossierAsync(client, token, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task ApiToken_SignedByTheGatewayWithoutARevocationStamp_IsRefused_AndNothingIsForwarded()
    {
        var marker = Guid.NewGuid();
        var token = factory.Tokens.Issue(DemoOrganisations.ChaletMelezes, StaffClaims.AdminRole, StaffTokenOptions.ApiAudience, StaffTokenOptions.ApiTokenLifetime);

        var refused = await GetDossierAsync(factory.CreateClient(), token, marker);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }

    [Theory]
    [MemberData(nameof(Withdrawals))]
    public async Task LoginCookie_OfAnAdmin_WhoIsThen_IsRefusedAfterTheInterval_AndThePagesSendToTheLoginPage(string withdrawal)
    {
        var (email, userId) = await NewAdminAsync();
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/dossiers/{Guid.NewGuid()}")).StatusCode);

        await WithdrawAsync(withdrawal, userId);
        await QuickRevalidationGatewayFactory.PastTheIntervalAsync();
        var marker = Guid.NewGuid();
        var api = await browser.GetAsync($"/api/dossiers/{marker}");
        var page = await browser.GetAsync("/dossiers");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.DoesNotContain(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginCookie_OfAnUnchangedMember_KeepsWorkingPastTheInterval()
    {
        var (email, _) = await NewAdminAsync();
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(browser, email);

        await QuickRevalidationGatewayFactory.PastTheIntervalAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/dossiers/{Guid.NewGuid()}")).StatusCode);
    }

    /// <summary>A new Admin of the Chalet des Mélèzes, for this test alone.</summary>
    private async Task<(string Email, Guid Id)> NewAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@chalet-melezes.test";
        Assert.Empty(await factory.Services.GetRequiredService<StaffAdministration>()
            .CreateAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), "Nina Mercier", email, StaffClaims.AdminRole, Password));
        return (email, await UserIdAsync(email));
    }

    /// <summary>What the Chalet's own Admin does in Paramètres → Équipe, through the same code.</summary>
    private async Task WithdrawAsync(string withdrawal, Guid userId)
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();
        var actingAdmin = await UserIdAsync("admin@chalet-melezes.test");
        Assert.Null(withdrawal == "demoted"
            ? await staff.SetRoleAsync(DemoOrganisations.ChaletMelezes, actingAdmin, userId, StaffClaims.AgentRole)
            : await staff.SetDisabledAsync(DemoOrganisations.ChaletMelezes, actingAdmin, userId, disabled: true));
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<string> TokenAsync(HttpClient client, string email)
    {
        var response = await TokenTests.RequestTokenAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpResponseMessage> GetDossierAsync(HttpClient client, string token, Guid marker)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>The login page's form, as a browser sends it: the page's antiforgery token and cookie, then the post.</summary>
    private static async Task SignInAsync(HttpClient browser, string email)
    {
        var form = await browser.GetStringAsync("/connexion");
        var response = await browser.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("cm.staff=", StringComparison.Ordinal));
    }
}
