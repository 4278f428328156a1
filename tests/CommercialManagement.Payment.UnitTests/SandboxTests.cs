using CommercialManagement.Payment.Api.Features.Sandbox;
using Stripe;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The sandbox's test cards, and its signature as Stripe.net checks it.</summary>
public sealed class SandboxTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData("4242 4242 4242 4242", "12/30", null)]
    [InlineData("4242-4242-4242-4242", "11 / 2026", null)]
    [InlineData("4000 0000 0000 0002", "12/30", "Votre carte a été refusée.")]
    [InlineData("4000 0000 0000 9995", "12/30", "Votre carte a été refusée : provision insuffisante.")]
    [InlineData("4111 1111 1111 1111", "12/30", "Numéro de carte inconnu : utilisez une des cartes de test indiquées.")]
    [InlineData("4242 4242 4242 4242", "10/26", "La date d'expiration de la carte est invalide ou dépassée (MM / AA).")]
    [InlineData("4242 4242 4242 4242", "13/30", "La date d'expiration de la carte est invalide ou dépassée (MM / AA).")]
    public void TestCards_PayOrAreRefusedInFrench(string card, string expiry, string? refusal) =>
        Assert.Equal(refusal, SandboxCard.Refusal(new SandboxCardForm("elodie@example.fr", card, expiry, "123", "Élodie"), Today));

    [Fact]
    public void EmailAndCvc_AreChecked()
    {
        Assert.Equal("Adresse e-mail invalide.", SandboxCard.Refusal(new SandboxCardForm("elodie", SandboxCard.Succeeds, "12/30", "123", ""), Today));
        Assert.Equal("Le code de sécurité (CVC) de la carte est incomplet.", SandboxCard.Refusal(new SandboxCardForm("e@x.fr", SandboxCard.Succeeds, "12/30", "12", ""), Today));
    }

    [Fact]
    public void Sign_IsWhatStripeNetAccepts_WithTheSecret_AndOnlyWithIt()
    {
        const string secret = "whsec_unit_test_secret";
        var payload = $$$"""{"id":"evt_1","object":"event","api_version":"{{{StripeConfiguration.ApiVersion}}}","created":1,"data":{"object":{"id":"cs_test_1","object":"checkout.session"}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed"}""";

        var header = SandboxEvent.Sign(payload, secret, DateTimeOffset.UtcNow);

        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.Equal("evt_1", EventUtility.ConstructEvent(payload, header, secret).Id);
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(payload, header, "whsec_other"));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(payload, SandboxEvent.Sign(payload, secret, DateTimeOffset.UtcNow.AddMinutes(-6)), secret));
    }

    [Theory]
    [InlineData("http://localhost:5123", "http://localhost:5123/")]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    public void TheWebhook_IsReachedAtTheServersOwnAddress_AWildcardThroughTheLoopback(string listening, string reached) =>
        Assert.Equal(reached, SandboxWebhookClient.Reachable(listening).ToString());

    [Theory]
    [InlineData("http://payment-api.test", "http://payment-api.test/webhooks/stripe")]
    [InlineData("http://host.test/payment", "http://host.test/payment/webhooks/stripe")]
    [InlineData("http://host.test/payment/", "http://host.test/payment/webhooks/stripe")]
    public void TheWebhook_KeepsTheBaseAddressPath(string baseUrl, string target) =>
        Assert.Equal(target, SandboxWebhookClient.Target(new Uri(baseUrl)).ToString());
}
