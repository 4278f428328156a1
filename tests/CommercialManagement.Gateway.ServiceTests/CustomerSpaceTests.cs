using System.Net;
using System.Text.RegularExpressions;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>The customer space as a holidaymaker's browser gets it: anonymous, by its secret link only.</summary>
public sealed partial class CustomerSpaceTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Space_ShowsTheConversationEncoded_FromTheSeller_AndKeepsItsAddressPrivate()
    {
        var response = await Browser().GetAsync($"/espace/{GatewayFactory.SpaceToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> Un chalet ?", text, StringComparison.Ordinal);
        Assert.Contains("Bonjour, oui.", text, StringComparison.Ordinal);
        Assert.Contains("Office de Tourisme de Val Nevé", text, StringComparison.Ordinal);
        Assert.Contains("13 févr. 2027 → 20 févr. 2027 · 2 adultes, 1 enfant", text, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrRevokedLink_Is410GoneWithAnExplanation()
    {
        var response = await Browser().GetAsync("/espace/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Ce lien n'est plus valide", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuotePdf_OfAnUnknownOrRevokedLink_Is410_WithTheSpacesHeaders()
    {
        var response = await Browser().GetAsync("/espace/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/devis.pdf");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoicePdf_OfAnUnknownOrRevokedLink_Is410_WithTheSpacesHeaders()
    {
        var response = await Browser().GetAsync($"/espace/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/factures/{Guid.NewGuid()}.pdf");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_IsPassedToTheInbox_ThenRedirectsToTheThankYou()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");

        var response = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "customer-reply",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Reply.Message"] = "Avec un chien, c'est possible ?",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/espace/{GatewayFactory.SpaceToken}?envoye=true", response.Headers.Location!.PathAndQuery);
        Assert.Contains(factory.CustomerReplies, body =>
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("body").GetString() == "Avec un chien, c'est possible ?");
    }

    [Fact]
    public async Task Reply_WithoutTheFormsAntiforgeryToken_IsRefusedAndNotPassedOn()
    {
        var before = factory.CustomerReplies.Count;

        var response = await Browser().PostAsync($"/espace/{GatewayFactory.SpaceToken}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "customer-reply",
            ["Reply.Message"] = "Sans jeton",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, factory.CustomerReplies.Count);
    }

    [Fact]
    public async Task Space_WhenTheInboxFails_Is503WithAPlainExplanation()
    {
        var response = await Browser().GetAsync($"/espace/{GatewayFactory.BrokenSpaceToken}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Votre espace est momentanément indisponible", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
