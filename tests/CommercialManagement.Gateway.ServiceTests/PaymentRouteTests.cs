using System.Net;
using System.Text;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// What the payment provider and the paying customer go through: the webhook and the sandbox forwarded untouched and
/// anonymously, and the space's payment link, which asks Payment only for a space Inbox knows.
/// </summary>
public sealed class PaymentRouteTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string UnknownToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Webhook_IsForwardedAnonymously_WithTheSignatureAndTheRawBodyUntouched()
    {
        var eventId = $"evt_{Guid.NewGuid():N}";
        var body = $"{{\n  \"id\": \"{eventId}\",\t\"type\" : \"checkout.session.completed\",\"amount\":1.50e3 }}\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", "t=1764410000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd");

        var response = await Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(factory.PaymentCalls, c => c[":path"] == "/webhooks/stripe" && c[":body"].Contains(eventId, StringComparison.Ordinal));
        Assert.Equal(body, received[":body"]);
        Assert.Equal("t=1764410000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd", received["Stripe-Signature"]);
        Assert.Equal("POST", received[":method"]);
        Assert.False(received.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Sandbox_PageAndItsForm_AreForwardedAnonymously()
    {
        var session = $"cs_sandbox_{Guid.NewGuid():N}";
        var browser = Browser();

        var page = await browser.GetAsync($"/sandbox/checkout/{session}");
        var paid = await browser.PostAsync($"/sandbox/checkout/{session}", new FormUrlEncodedContent(new Dictionary<string, string> { ["card"] = "4242 4242 4242 4242" }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Paiement de test", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var form = Assert.Single(factory.PaymentCalls, c => c[":path"] == $"/sandbox/checkout/{session}" && c[":method"] == "POST");
        Assert.Equal("card=4242+4242+4242+4242", form[":body"]);
        Assert.False(form.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task PaymentLink_OfTheEmail_OnlyShowsTheSpacesPayments_AndOpensNoCheckout()
    {
        var paymentRequest = Guid.NewGuid();

        // What a mail scanner or a link preview does: follow the link.
        var response = await Browser().GetAsync($"/espace/{GatewayFactory.SpaceToken}/payer/{paymentRequest}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/espace/{GatewayFactory.SpaceToken}#paiements", response.Headers.Location!.OriginalString);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain(factory.PaymentCalls, c => c[":path"].Contains(paymentRequest.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pay_PostedWithoutThePagesAntiforgeryToken_AsksNothing_AndComesBackToThePayments()
    {
        var paymentRequest = Guid.NewGuid();
        var browser = Browser();

        // Another site's form posting to the space's address: no token, or the cookie without the form's token.
        var bare = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}/payer/{paymentRequest}", new FormUrlEncodedContent([]));
        _ = await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");
        var cookieOnly = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}/payer/{paymentRequest}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));

        foreach (var response in new[] { bare, cookieOnly })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/espace/{GatewayFactory.SpaceToken}?paiement=expire#paiements", response.Headers.Location!.OriginalString);
        }

        Assert.DoesNotContain(factory.PaymentCalls, c => c[":path"].Contains(paymentRequest.ToString(), StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}?paiement=expire"));
        Assert.Contains("Cette page était trop ancienne : cliquez à nouveau sur « Payer ».", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pay_WithAnUnknownToken_GoesToTheSpacesExplanation_AndPaymentIsNeverAsked()
    {
        var paymentRequest = Guid.NewGuid();
        var browser = Browser();
        var page = await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");

        var response = await browser.PostAsync($"/espace/{UnknownToken}/payer/{paymentRequest}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/espace/{UnknownToken}", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(factory.PaymentCalls, c => c[":path"].Contains(paymentRequest.ToString(), StringComparison.Ordinal));
        var explanation = await Browser().GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Gone, explanation.StatusCode);
    }

    [Fact]
    public async Task Pay_WithTheSpacesToken_AsksPaymentAsThisCasesCustomer_AndSendsTheBrowserToTheCheckout()
    {
        var paymentRequest = Guid.NewGuid();

        var response = await CustomerSpaceForms.PayAsync(Browser(), GatewayFactory.SpaceToken, paymentRequest);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(GatewayFactory.CheckoutUrl, response.Headers.Location!.AbsoluteUri);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var call = Assert.Single(factory.PaymentCalls, c => c[":path"] == $"/customer/payments/{paymentRequest}/checkout");
        var body = JsonDocument.Parse(call[":body"]).RootElement;
        Assert.Equal($"{GatewayFactory.PublicBaseUrl}/espace/{GatewayFactory.SpaceToken}?paiement=ok", body.GetProperty("successUrl").GetString());
        Assert.Equal($"{GatewayFactory.PublicBaseUrl}/espace/{GatewayFactory.SpaceToken}?paiement=annule", body.GetProperty("cancelUrl").GetString());

        var token = call["Authorization"]["Bearer ".Length..];
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, StaffTokenOptions.ValidationParameters(
            factory.Tokens.GatewayVerificationKey, StaffTokenOptions.CustomerAudience));
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(BuildingBlocks.Demo.DemoOrganisations.ValNeveOffice.ToString(), validation.Claims[StaffClaims.OrganisationId]);
        Assert.True(Guid.TryParse(validation.Claims[StaffClaims.CaseId]?.ToString(), out _));
    }

    [Fact]
    public async Task Pay_WithAForgedHostHeader_StillSendsTheCustomerBackToTheGatewaysPublicAddress()
    {
        var paymentRequest = Guid.NewGuid();
        var response = await CustomerSpaceForms.PayAsync(Browser(), GatewayFactory.SpaceToken, paymentRequest, host: "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = Assert.Single(factory.PaymentCalls, c => c[":path"] == $"/customer/payments/{paymentRequest}/checkout");
        var body = JsonDocument.Parse(call[":body"]).RootElement;
        Assert.StartsWith($"{GatewayFactory.PublicBaseUrl}/espace/", body.GetProperty("successUrl").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", call[":body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pay_Refused_ComesBackToTheSpaceWithTheServicesReason_AndAForgedReasonIsNotShown()
    {
        var browser = Browser();

        var response = await CustomerSpaceForms.PayAsync(browser, GatewayFactory.SpaceToken, GatewayFactory.RefusedPaymentRequest);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/espace/{GatewayFactory.SpaceToken}?paiement=erreur&motif=", back, StringComparison.Ordinal);
        Assert.DoesNotContain("réglée", Uri.UnescapeDataString(back), StringComparison.Ordinal);
        var space = WebUtility.HtmlDecode(await browser.GetStringAsync(back));
        Assert.Contains(GatewayFactory.RefusalReason, space, StringComparison.Ordinal);

        var forged = WebUtility.HtmlDecode(await browser.GetStringAsync(
            $"/espace/{GatewayFactory.SpaceToken}?paiement=erreur&motif={Uri.EscapeDataString("Appelez vite le 08 99 00 00 00")}"));
        Assert.DoesNotContain("Appelez vite", forged, StringComparison.Ordinal);
        Assert.Contains("Ce paiement n'est plus possible.", forged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Space_ShowsWhatIsDue_WithItsExpiryInParis_AndAPayButtonThatPosts()
    {
        var html = await Browser().GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains("Paiements", text, StringComparison.Ordinal);
        Assert.Contains("Acompte : 336,00 €", text.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("À régler avant le 06/12/2026 11:30", text, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"/espace/{GatewayFactory.SpaceToken}/payer/{GatewayFactory.DuePaymentRequest}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/espace/{GatewayFactory.SpaceToken}/payer/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok", "Merci, votre paiement est en cours de confirmation.", true)]
    [InlineData("annule", "Paiement abandonné", false)]
    public async Task Space_BackFromTheCheckout_SaysSo_AndLooksAgainWhileThePaymentIsConfirmed(string outcome, string words, bool refreshes)
    {
        var html = await Browser().GetStringAsync($"/espace/{GatewayFactory.SpaceToken}?paiement={outcome}");

        Assert.Contains(words, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(refreshes, WebUtility.HtmlDecode(html).Contains($"url=/espace/{GatewayFactory.SpaceToken}?paiement=ok&suivi=1", StringComparison.Ordinal));
    }
}
