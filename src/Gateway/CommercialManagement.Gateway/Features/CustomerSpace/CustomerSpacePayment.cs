using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

/// <summary>
/// The payment link of the emails (<c>GET /espace/{token}/payer/{paymentRequestId}</c>) only shows the space's payments:
/// mail scanners and link previews follow links, and a GET must not open a checkout session. The space's « Payer » button
/// posts to the same address with the page's antiforgery token: the space's token is checked with Inbox, then the Payment
/// service opens (or reuses) the checkout session and the browser goes there. Back
/// in the space with <c>?paiement=ok</c> or <c>annule</c> (the provider sends it), or <c>erreur</c> with the service's
/// reason, sealed so that nobody can make the space say something of their own.
/// </summary>
internal static class CustomerSpacePayment
{
    public const string Paid = "ok";
    public const string Abandoned = "annule";
    public const string Refused = "erreur";
    public const string Unavailable = "indisponible";
    public const string Expired = "expire";

    /// <summary>The payments' section of the space, where the email's link lands.</summary>
    public const string Section = "paiements";

    public static WebApplication MapCustomerSpacePayment(this WebApplication app)
    {
        app.MapGet("/espace/{token}/payer/{paymentRequestId:guid}", ShowPayments)
            .AllowAnonymous()
            .RequireRateLimiting(CustomerSpaceAccess.RateLimitPolicy)
            .WithName("CustomerSpacePaymentLink");
        app.MapPost("/espace/{token}/payer/{paymentRequestId:guid}", PayAsync)
            .AllowAnonymous()
            .DisableAntiforgery() // validated below, so that a stale page comes back to the space instead of a bare 400
            .RequireRateLimiting(CustomerSpaceAccess.RateLimitPolicy)
            .WithName("CustomerSpacePay");
        return app;
    }

    private static IResult ShowPayments(string token, HttpContext http)
    {
        NoTrace(http);
        return Results.Redirect($"{Home(http, token)}#{Section}");
    }

    private static async Task<IResult> PayAsync(
        string token, Guid paymentRequestId, HttpContext http, IAntiforgery antiforgery, CustomerSpaceClient space, CustomerPaymentClient payments,
        PaymentRefusalSeal seal, IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        NoTrace(http);
        var home = Home(http, token);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            // Not posted from the space's own page (another site's form, or a page kept open for days): nothing is asked.
            return Results.Redirect($"{home}?paiement={Expired}#{Section}");
        }

        try
        {
            if (await space.GetAsync(token, cancellationToken) is not { } found)
            {
                // Unknown or revoked: the space's own page says so (410), and Payment is never asked.
                return Results.Redirect(home);
            }

            var back = $"{PublicOrigin(http, configuration, environment)}{home}?paiement=";
            var answer = await payments.CheckoutAsync(found.Conversation, paymentRequestId, back + Paid, back + Abandoned, cancellationToken);
            return answer.Url is { } checkout
                ? Results.Redirect(checkout.AbsoluteUri)
                : Results.Redirect($"{home}?paiement={Refused}&motif={Uri.EscapeDataString(seal.Seal(token, answer.Refusal ?? ""))}");
        }
        catch (HttpRequestException)
        {
            return Results.Redirect($"{home}?paiement={Unavailable}");
        }
    }

    private static string Home(HttpContext http, string token) => $"{http.Request.PathBase}/espace/{Uri.EscapeDataString(token)}";

    /// <summary>The address carries the customer's key: the provider's page must not receive it as a referrer, nor a cache keep it.</summary>
    private static void NoTrace(HttpContext http)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>
    /// Where the provider sends the customer back: the gateway's public address (<c>Gateway:PublicBaseUrl</c>, set by the
    /// AppHost), never the request's own Host header, which a caller chooses and which the session would keep for a day.
    /// Only a development run without the setting falls back to the address it was called on.
    /// </summary>
    internal static string PublicOrigin(HttpContext http, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Gateway:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        return environment.IsDevelopment()
            ? $"{http.Request.Scheme}://{http.Request.Host}"
            : throw new InvalidOperationException("Gateway:PublicBaseUrl is not set: the payment pages cannot know where to send the customer back.");
    }
}

/// <summary>The Payment service's reason for a refused payment, carried through the redirect signed, for this space, for a few minutes.</summary>
internal sealed class PaymentRefusalSeal(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Seal(string token, string reason) => Protector(token).Protect(reason, Lifetime);

    /// <summary>The reason, or null when the text was not sealed here for this space (or is too old).</summary>
    public string? Open(string token, string? sealedReason)
    {
        if (string.IsNullOrEmpty(sealedReason))
        {
            return null;
        }

        try
        {
            return Protector(token).Unprotect(sealedReason);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(string token) =>
        protection.CreateProtector("CustomerSpace.PaymentRefusal", token).ToTimeLimitedDataProtector();
}
