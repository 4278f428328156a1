using System.Net;
using CommercialManagement.TestKit;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// Two gateways behind one address (issue 15, item 9): the login cookie one makes is read by the other (and so are
/// antiforgery tokens and sealed texts), because the Data Protection key ring lives in the identity database.
/// </summary>
public sealed class SharedKeyRingTests(GatewayFactory first) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task SignedInOnOneGateway_IsSignedInOnAnother()
    {
        var browser = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/connexion");
        var signedIn = await browser.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(login),
            ["Input.Email"] = "agent@chalet-melezes.test",
            ["Input.Password"] = TokenTests.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cm.staff=", StringComparison.Ordinal)).Split(';')[0];
        Assert.True(await first.CountAsync("SELECT count(*) FROM data_protection_keys") >= 1, "The key ring is not in the identity database.");

        await using var second = new GatewayFactory(first.ConnectionString);
        await second.InitializeAsync();
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var marker = Guid.NewGuid();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{marker}");
        read.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(read);

        // The second gateway read the first one's cookie: it forwarded the read as the agent, to its own Dossier stand-in.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(second.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}");
    }
}
