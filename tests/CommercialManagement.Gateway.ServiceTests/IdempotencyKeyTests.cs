using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The pages send each form with one Idempotency-Key: the same on every resubmission of that form (a double click, the
/// browser posting again, a retry after a timeout), a new one for a new form; API integrators' keys reach the services.
/// </summary>
public sealed partial class IdempotencyKeyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task CustomerReply_CarriesTheFormsKey_AndTheSameFormPostedTwiceCarriesTheSameKey()
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");
        var key = FormKey(page);
        var text = $"Un lit bébé est-il prévu ? {Guid.NewGuid()}";
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "customer-reply",
            ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(page),
            ["Reply.Message"] = text,
            ["Reply.IdempotencyKey"] = key,
        };

        var first = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}", new FormUrlEncodedContent(form));
        var again = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}", new FormUrlEncodedContent(form));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, again.StatusCode));
        var calls = factory.CustomerReplyCalls.Where(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("body").GetString() == text).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal(key, call.Key));
        Assert.Matches("^[0-9a-f]{32}$", key);

        // The next form shown is a new operation: a new key.
        Assert.NotEqual(key, FormKey(await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}")));
    }

    [Fact]
    public async Task CustomerAcceptance_CarriesTheFormsKey_AndTheSameFormPostedTwiceCarriesTheSameKey()
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync($"/espace/{GatewayFactory.QuoteSpaceToken}");
        var key = AcceptanceKey(page);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "quote-accept",
            ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(page),
            ["Acceptance.QuoteId"] = GatewayFactory.SentQuote.ToString(),
            ["Acceptance.Version"] = "1",
            ["Acceptance.TermsAccepted"] = "true",
            ["Acceptance.IdempotencyKey"] = key,
        };

        // « Accepter le devis » clicked, then the same form posted again (a double click, the browser resending it).
        var first = await browser.PostAsync($"/espace/{GatewayFactory.QuoteSpaceToken}", new FormUrlEncodedContent(form));
        var again = await browser.PostAsync($"/espace/{GatewayFactory.QuoteSpaceToken}", new FormUrlEncodedContent(form));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, again.StatusCode));
        var calls = factory.QuoteAcceptanceCalls.Where(c => c.Body.Contains(GatewayFactory.SentQuote.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal(key, call.Key));
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.NotEqual(key, AcceptanceKey(await browser.GetStringAsync($"/espace/{GatewayFactory.QuoteSpaceToken}")));
    }

    [Fact]
    public async Task CustomerReply_FromAFormWithoutItsKey_IsStillSent_WithAKeyOfItsOwn()
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync($"/espace/{GatewayFactory.SpaceToken}");
        var text = $"Sans clé {Guid.NewGuid()}";

        var response = await browser.PostAsync($"/espace/{GatewayFactory.SpaceToken}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "customer-reply",
            ["__RequestVerificationToken"] = CustomerSpaceForms.AntiforgeryToken(page),
            ["Reply.Message"] = text,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = Assert.Single(factory.CustomerReplyCalls, c => JsonDocument.Parse(c.Body).RootElement.GetProperty("body").GetString() == text);
        Assert.Matches("^[0-9a-f]{32}$", call.Key);
    }

    [Fact]
    public async Task ApiPost_TheIntegratorsKey_ReachesTheServiceUnchanged()
    {
        var client = factory.CreateClient();
        var token = (await (await TokenTests.RequestTokenAsync(client, "agent@esf-valneve.test", TokenTests.DemoPassword))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var marker = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{marker}/moves") { Content = JsonContent.Create(new { to = "Quote" }) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", "integrator-0001");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(factory.Forwarded, h => h[":path"] == $"/api/dossiers/{marker}/moves");
        Assert.Equal("integrator-0001", headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task BackOfficeForm_KeepsItsKeyUntilItGoesThrough_ThenTakesANewOne()
    {
        var keys = new SubmissionKeys();
        var sent = new List<string>();

        // A refusal, then the service not answering: the form is sent again with the same key.
        await keys.SubmitAsync("payment", key => { sent.Add(key); return Task.FromResult<IReadOnlyList<string>>(["Le montant dépasse le reste à payer."]); });
        await Assert.ThrowsAsync<HttpRequestException>(() => keys.SubmitAsync("payment", key => { sent.Add(key); throw new HttpRequestException("timeout"); }));
        await keys.SubmitAsync("payment", key => { sent.Add(key); return Task.FromResult<IReadOnlyList<string>>([]); });
        // Gone through: the next payment is another operation. Another form of the page has its own key.
        await keys.SubmitAsync("payment", key => { sent.Add(key); return Task.FromResult<IReadOnlyList<string>>([]); });
        var other = keys.For("ask-Deposit");

        Assert.Equal(sent[0], sent[1]);
        Assert.Equal(sent[0], sent[2]);
        Assert.NotEqual(sent[2], sent[3]);
        Assert.DoesNotContain(other, sent);
    }

    [Fact]
    public async Task OfflinePaymentForm_TheServiceRestarting_IsSentOncePerClick_AndTheClickAgainCarriesTheSameKey()
    {
        using var scope = factory.Services.CreateScope();
        var agent = StaffTokenIssuer.Principal(Guid.NewGuid(), "Julien Perrin", "agent@valneve-office.test", BuildingBlocks.Demo.DemoOrganisations.ValNeveOffice, ["Agent"], "test");
        var payments = new PaymentClient(new StaffServiceClient(
            scope.ServiceProvider.GetRequiredService<IHttpClientFactory>(), new SignedIn(agent), scope.ServiceProvider.GetRequiredService<StaffTokenIssuer>()));
        var form = new SubmissionKeys();
        var caseId = Guid.NewGuid();
        var path = $"/api/payments/by-request/{caseId}/offline";

        var first = await form.SubmitAsync(key => payments.RecordOfflineAsync(caseId, 30_000, "BankTransfer", "VIR-0001", null, key));
        var again = await form.SubmitAsync(key => payments.RecordOfflineAsync(caseId, 30_000, "BankTransfer", "VIR-0001", null, key));

        Assert.Equal(["Le service des paiements redémarre."], first);
        Assert.Equal(first, again);
        // Each click reached the service once (no retry of a POST), both with the form's one key.
        var calls = factory.PaymentCalls.Where(c => c[":path"] == path).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Matches("^[0-9a-f]{32}$", calls[0]["Idempotency-Key"]);
        Assert.Equal(calls[0]["Idempotency-Key"], calls[1]["Idempotency-Key"]);
    }

    private sealed class SignedIn(System.Security.Claims.ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private static string FormKey(string page) =>
        KeyInput().Match(page) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("The reply form holds no key.");

    [GeneratedRegex("name=\"Reply.IdempotencyKey\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex KeyInput();

    private static string AcceptanceKey(string page) =>
        AcceptanceKeyInput().Match(page) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("The acceptance form holds no key.");

    [GeneratedRegex("name=\"Acceptance.IdempotencyKey\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AcceptanceKeyInput();
}
