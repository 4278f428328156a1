using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>Which handler an event type goes to; a type we do not handle is ignored (Stripe got its 200 already).</summary>
internal sealed class StripeEventHandlers(CheckoutSessionEvents checkout, ChargeRefundedEvents refunds)
{
    public const string SessionCompleted = "checkout.session.completed";
    public const string AsyncPaymentSucceeded = "checkout.session.async_payment_succeeded";
    public const string AsyncPaymentFailed = "checkout.session.async_payment_failed";
    public const string SessionExpired = "checkout.session.expired";
    public const string ChargeRefunded = "charge.refunded";

    public Task<StripeEventResult> HandleAsync(StripeEvent stored, CancellationToken cancellationToken)
    {
        if (StripeEnvelope.Parse(stored.Payload) is not { } envelope)
        {
            return Task.FromResult(StripeEventResult.Flagged("Le contenu enregistré n'est pas un événement Stripe lisible."));
        }

        return envelope.Type switch
        {
            SessionCompleted or AsyncPaymentSucceeded or AsyncPaymentFailed or SessionExpired => checkout.HandleAsync(stored, envelope, cancellationToken),
            ChargeRefunded => refunds.HandleAsync(stored, envelope, cancellationToken),
            _ => Task.FromResult(StripeEventResult.Ignored($"Type d'événement non traité ({envelope.Type}).")),
        };
    }
}
