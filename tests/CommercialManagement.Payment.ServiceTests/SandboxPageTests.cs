using System.Net;
using CommercialManagement.TestKit;
using Stripe;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The sandbox's checkout page: what it shows (encoded), a test card that pays sends a correctly signed Stripe event, a declined one sends nothing.</summary>
public sealed class SandboxPageTests(SandboxFactory factory) : IClassFixture<SandboxFactory>
{
    [Fact]
    public async Task Page_ShowsMerchantDescriptionAndAmount_HtmlEncoded_SelfContained()
    {
        var (_, _, path) = await OpenSessionAsync("<script>alert('Chez Zoé')</script> & Cie", 123_456, deposit: 100);

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(&#39;Chez Zoé&#39;)&lt;/script&gt; &amp; Cie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Payer 1 234,56 €", html.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Acompte — devis DEV-2026-00042", html, StringComparison.Ordinal);
        Assert.Contains("4242 4242 4242 4242", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5100/espace/jeton-du-client?paiement=annule\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?://(?!localhost:5100/espace)", html);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sandbox/checkout/cs_test_unknown")).StatusCode);
    }

    [Fact]
    public async Task PayingWith4242_PostsASignedCheckoutSessionCompleted_Then303ToTheSuccessPage_AndARetrySendsTheSameEvent()
    {
        var (caseId, paymentRequestId, path) = await OpenSessionAsync("Chalet des Mélèzes", 100_000);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        factory.Webhook.Status = HttpStatusCode.BadRequest;

        var failed = await client.PostAsync(path, Form("4242 4242 4242 4242"));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Contains("Le paiement n&#39;a pas pu être confirmé", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var firstAttempt = Assert.Single(factory.Webhook.Received, r => r.Payload.Contains(paymentRequestId.ToString(), StringComparison.Ordinal));

        factory.Webhook.Status = HttpStatusCode.OK;
        var paid = await client.PostAsync(path, Form("4242424242424242"));

        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        Assert.Equal("http://localhost:5100/espace/jeton-du-client?paiement=ok", paid.Headers.Location?.ToString());
        var delivered = factory.Webhook.Received.Where(r => r.Payload.Contains(paymentRequestId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.Equal("http://payment-api.test/webhooks/stripe", delivered[1].Uri.ToString());
        var stripeEvent = EventUtility.ConstructEvent(delivered[1].Payload, delivered[1].Signature, SandboxFactory.WebhookSecret);
        Assert.Equal("checkout.session.completed", stripeEvent.Type);
        Assert.Equal(stripeEvent.Id, EventUtility.ConstructEvent(firstAttempt.Payload, firstAttempt.Signature, SandboxFactory.WebhookSecret).Id);
        Assert.StartsWith("evt_", stripeEvent.Id, StringComparison.Ordinal);
        var session = Assert.IsType<Stripe.Checkout.Session>(stripeEvent.Data.Object);
        Assert.Equal((30_000L, "eur", "paid", "complete", paymentRequestId.ToString()), (session.AmountTotal, session.Currency, session.PaymentStatus, session.Status, session.ClientReferenceId));
        Assert.StartsWith("pi_", session.PaymentIntentId, StringComparison.Ordinal);
        Assert.Equal(caseId.ToString(), session.Metadata["request_id"]);
        Assert.Equal(paymentRequestId.ToString(), session.Metadata["payment_request_id"]);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions WHERE \"Id\" = @p0 AND \"OrganisationId\"::text = @p1", session.Id, session.Metadata["organisation_id"]));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(delivered[1].Payload, delivered[1].Signature, "whsec_another_secret"));

        var after = await factory.CreateClient().GetStringAsync(path);
        Assert.Contains("Ce paiement a déjà été effectué.", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(path, Form("4242424242424242"))).StatusCode);
        Assert.Equal(2, factory.Webhook.Received.Count(r => r.Payload.Contains(paymentRequestId.ToString(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("4000 0000 0000 0002", "12/40", "Votre carte a été refusée.")]
    [InlineData("4000000000009995", "12/40", "Votre carte a été refusée : provision insuffisante.")]
    [InlineData("1234 5678 9012 3456", "12/40", "Numéro de carte inconnu : utilisez une des cartes de test indiquées.")]
    [InlineData("4242 4242 4242 4242", "01/20", "La date d&#39;expiration de la carte est invalide ou dépassée (MM / AA).")]
    public async Task ARefusedCard_ShowsTheErrorOnThePage_AndPostsNothing(string card, string expiry, string error)
    {
        var (_, paymentRequestId, path) = await OpenSessionAsync("Chalet des Mélèzes", 100_000);

        var response = await factory.CreateClient().PostAsync(path, Form(card, expiry));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Contains("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Webhook.Received, r => r.Payload.Contains(paymentRequestId.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions WHERE \"PaymentRequestId\" = @p0 AND \"EventId\" IS NOT NULL", paymentRequestId));
    }

    private async Task<(Guid CaseId, Guid PaymentRequestId, string Path)> OpenSessionAsync(string merchant, long totalCents, int deposit = 30)
    {
        var scenario = await Scenario.NewAsync(factory, deposit, merchant);
        var caseId = await scenario.AcceptedCaseAsync(totalCents);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var checkout = await CustomerPaymentTests.CheckoutAsync(scenario.Customer(caseId), id);
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        return (caseId, id, new Uri((await Scenario.JsonAsync(checkout)).GetProperty("url").GetString()!).AbsolutePath);
    }

    private static FormUrlEncodedContent Form(string card, string expiry = "12/40") => new(new Dictionary<string, string>
    {
        ["email"] = "elodie@example.fr", ["card"] = card, ["expiry"] = expiry, ["cvc"] = "123", ["name"] = "Élodie Martin",
    });
}
