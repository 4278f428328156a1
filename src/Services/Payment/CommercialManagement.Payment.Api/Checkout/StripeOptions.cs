namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// The "Stripe" settings: the secret key (none: the local sandbox), the webhook signing secret (random at start when not
/// configured: the sandbox signs with it in the same process), an optional API base (a fake Stripe in tests), the tolerance.
/// </summary>
internal sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    public string WebhookSecret { get; set; } = "";

    public string? ApiBase { get; set; }

    public int WebhookToleranceSeconds { get; set; } = 300;
}

/// <summary>The metadata keys our checkout sessions carry, read back by the webhook.</summary>
internal static class CheckoutMetadata
{
    public const string OrganisationId = "organisation_id";
    public const string RequestId = "request_id";
    public const string PaymentRequestId = "payment_request_id";
}
