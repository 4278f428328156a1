using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CommercialManagement.Payment.Api.Checkout;

namespace CommercialManagement.Payment.Api.Features.Sandbox;

/// <summary>
/// The event Stripe would send when a Checkout Session is paid (<c>checkout.session.completed</c>, this SDK's API version),
/// and its <c>Stripe-Signature</c> header: HMAC-SHA256 of <c>"{t}.{payload}"</c> with the webhook secret, as Stripe signs.
/// </summary>
internal static class SandboxEvent
{
    public const string SignatureHeader = "Stripe-Signature";

    public static string Completed(SandboxSession session, string customerEmail)
    {
        var metadata = new JsonObject
        {
            [CheckoutMetadata.OrganisationId] = session.OrganisationId.ToString(),
            [CheckoutMetadata.RequestId] = session.RequestId.ToString(),
            [CheckoutMetadata.PaymentRequestId] = session.PaymentRequestId.ToString(),
        };
        var checkout = new JsonObject
        {
            ["id"] = session.Id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = session.AmountCents,
            ["amount_total"] = session.AmountCents,
            ["cancel_url"] = session.CancelUrl,
            ["client_reference_id"] = session.PaymentRequestId.ToString(),
            ["created"] = session.CreatedAt.ToUnixTimeSeconds(),
            ["currency"] = "eur",
            ["customer_details"] = new JsonObject { ["email"] = customerEmail },
            ["customer_email"] = customerEmail,
            ["expires_at"] = session.ExpiresAt.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["locale"] = "fr",
            ["metadata"] = metadata,
            ["mode"] = "payment",
            ["payment_intent"] = session.PaymentIntentId,
            ["payment_method_types"] = new JsonArray("card"),
            ["payment_status"] = "paid",
            ["status"] = "complete",
            ["success_url"] = session.SuccessUrl,
            ["url"] = null,
        };
        var stripeEvent = new JsonObject
        {
            ["id"] = session.EventId,
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = (session.PaidAt ?? session.CreatedAt).ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = checkout },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = "checkout.session.completed",
        };
        return stripeEvent.ToJsonString();
    }

    /// <summary><c>t={unix seconds},v1={hex HMAC}</c>, what <c>EventUtility.ConstructEvent</c> checks.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>
    /// The event Stripe sends when money is given back on a charge (<c>charge.refunded</c>): the charge of the payment intent,
    /// its refunded total and every refund made on it, the newest first (Stripe's order).
    /// </summary>
    public static string Refunded(
        string eventId, Guid organisationId, Guid caseId, string paymentIntent, long amountCents, IReadOnlyList<(string Id, long Amount, DateTimeOffset Created)> refunds,
        DateTimeOffset now)
    {
        var list = new JsonArray();
        foreach (var (id, amount, created) in refunds.OrderByDescending(r => r.Created))
        {
            list.Add(new JsonObject
            {
                ["id"] = id, ["object"] = "refund", ["amount"] = amount, ["currency"] = "eur", ["payment_intent"] = paymentIntent,
                ["status"] = "succeeded", ["created"] = created.ToUnixTimeSeconds(),
            });
        }

        var refunded = refunds.Sum(r => r.Amount);
        var charge = new JsonObject
        {
            ["id"] = "ch_" + paymentIntent.Replace("pi_", "", StringComparison.Ordinal),
            ["object"] = "charge",
            ["amount"] = amountCents,
            ["amount_refunded"] = refunded,
            ["currency"] = "eur",
            ["livemode"] = false,
            ["metadata"] = new JsonObject
            {
                [CheckoutMetadata.OrganisationId] = organisationId.ToString(),
                [CheckoutMetadata.RequestId] = caseId.ToString(),
            },
            ["paid"] = true,
            ["payment_intent"] = paymentIntent,
            ["refunded"] = refunded >= amountCents,
            ["refunds"] = new JsonObject { ["object"] = "list", ["data"] = list, ["has_more"] = false },
            ["status"] = "succeeded",
        };
        return new JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = now.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = charge },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = "charge.refunded",
        }.ToJsonString();
    }
}
