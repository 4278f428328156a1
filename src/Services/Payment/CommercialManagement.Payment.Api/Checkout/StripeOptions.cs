using System.Security.Cryptography;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// Section « Stripe »: with <see cref="SecretKey"/> (and its <see cref="WebhookSecret"/>, required) Stripe takes the payments;
/// without it the local sandbox does, only when asked for explicitly (<see cref="Sandbox"/>): a deploy missing its key must not
/// start and take fake payments. In the sandbox a missing webhook secret is drawn at start (it signs and checks in the same process).
/// </summary>
internal sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The secret API key (<c>sk_test_…</c>); empty means the sandbox, when <see cref="Sandbox"/> asks for it.</summary>
    public string? SecretKey { get; set; }

    /// <summary>True to run the local sandbox when no secret key is configured (the run command, CI, tests); never by default.</summary>
    public bool Sandbox { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>): required with a secret key; generated at start in the sandbox when empty.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Another address for Stripe's API (a local fake in tests); Stripe's own when empty.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How long one call to Stripe's API may wait for its answer (Stripe.net's own default is 80 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old a signed event may be, in seconds, before the webhook refuses it.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>How long a payment request stays payable.</summary>
    public int RequestValidityDays { get; set; } = 7;

    /// <summary>
    /// How long a processed event is kept, counted from its processing. Flagged events (shown to staff until they refund)
    /// and pending ones are kept whatever their age. Stripe sends an event again for up to three days, and a repeat of a
    /// pruned one would find its payment recorded anyway: a month leaves the reasons at hand for staff's questions.
    /// </summary>
    public int EventRetentionDays { get; set; } = 30;

    public TimeSpan EventRetention => TimeSpan.FromDays(EventRetentionDays);

    /// <summary>Where the sandbox posts its events (the service's own address when empty): tests point it at the test server.</summary>
    public string? SandboxWebhookBaseUrl { get; set; }

    /// <summary>True when the sandbox is asked for and no secret key is configured: the local sandbox serves the checkout pages.</summary>
    public bool UseSandbox => Sandbox && !HasSecretKey;

    private bool HasSecretKey => !string.IsNullOrWhiteSpace(SecretKey);

    public TimeSpan RequestValidity => TimeSpan.FromDays(RequestValidityDays);

    /// <summary>A secret in Stripe's format, for a run without a configured one.</summary>
    public static string NewWebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');

    /// <summary>
    /// What is wrong with the settings, in words an operator can act on; empty when they are usable. The sandbox takes
    /// card 4242 as a payment: outside Development it is refused, whoever asked for it.
    /// </summary>
    public IReadOnlyList<string> Problems(bool development = true)
    {
        var problems = new List<string>();
        if (UseSandbox && !development)
        {
            problems.Add("Stripe:Sandbox is for development only: outside Development, set Stripe:SecretKey and Stripe:WebhookSecret "
                + "(the sandbox would take test cards as real payments).");
        }

        if (!HasSecretKey && !Sandbox)
        {
            problems.Add("No Stripe key is configured: set Stripe:SecretKey and Stripe:WebhookSecret to take real payments, "
                + "or Stripe:Sandbox=true to take test payments in the local sandbox (never in production).");
        }

        if (HasSecretKey && !SecretKey!.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            problems.Add("Stripe:SecretKey must be a secret key (sk_test_… or sk_live_…), or empty for the sandbox.");
        }

        if (HasSecretKey && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            problems.Add("Stripe:WebhookSecret is required with Stripe:SecretKey: the signing secret (whsec_…) of the webhook endpoint "
                + "in Stripe's dashboard; without it every Stripe event would be refused and payments lost.");
        }

        if (!string.IsNullOrEmpty(ApiBase) && !IsHttpUrl(ApiBase))
        {
            problems.Add("Stripe:ApiBase must be an absolute http(s) address.");
        }

        if (!string.IsNullOrEmpty(SandboxWebhookBaseUrl) && !IsHttpUrl(SandboxWebhookBaseUrl))
        {
            problems.Add("Stripe:SandboxWebhookBaseUrl must be an absolute http(s) address.");
        }

        if (WebhookToleranceSeconds is < 1 or > 3600)
        {
            problems.Add("Stripe:WebhookToleranceSeconds must be between 1 and 3600.");
        }

        if (RequestValidityDays is < 1 or > 60)
        {
            problems.Add("Stripe:RequestValidityDays must be between 1 and 60.");
        }

        if (EventRetentionDays is < 4 or > 3660)
        {
            problems.Add("Stripe:EventRetentionDays must be between 4 and 3660: Stripe sends an event again for up to three days.");
        }

        return problems;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>The metadata keys every checkout session carries, so that the webhook finds our request again.</summary>
internal static class CheckoutMetadata
{
    public const string OrganisationId = "organisation_id";

    /// <summary>The case (the request's id, as everywhere).</summary>
    public const string RequestId = "request_id";

    public const string PaymentRequestId = "payment_request_id";

    /// <summary>On a refund we ordered: the order.</summary>
    public const string RefundOrderId = "refund_order_id";
}
