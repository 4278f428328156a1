using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

/// <summary>
/// The customer space is anonymous: its token (256 random bits) is the only key, and each client address may open
/// or post to it a limited number of times (by default 60 per 10 minutes, <c>CustomerSpace:PermitLimit</c>), so
/// nobody can hammer it.
/// </summary>
internal static class CustomerSpaceAccess
{
    public const string RateLimitPolicy = "customer-space";

    public static IHostApplicationBuilder AddCustomerSpace(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CustomerSpaceClient>();
        builder.Services.AddScoped<CustomerPaymentClient>();
        builder.Services.AddSingleton<PaymentRefusalSeal>();
        var permits = builder.Configuration.GetValue("CustomerSpace:PermitLimit", 60);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>
    /// The quote's PDF from the customer space (<c>/espace/{token}/devis.pdf</c>) and its invoices' PDFs: the same anonymous
    /// key, the same limits and headers as the page; 410 when the link is unknown or revoked, 404 before a quote is sent.
    /// </summary>
    public static WebApplication MapCustomerSpaceFiles(this WebApplication app)
    {
        app.MapGet("/espace/{token}/devis.pdf", async (string token, HttpContext http, CustomerSpaceClient space, CancellationToken cancellationToken) =>
        {
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            try
            {
                if (await space.GetAsync(token, cancellationToken) is not { } found)
                {
                    return Results.Problem(title: "Ce lien n'est plus valide.", statusCode: StatusCodes.Status410Gone);
                }

                var quote = await space.QuoteAsync(found.Conversation, cancellationToken);
                var pdf = quote is null ? null : await space.QuotePdfAsync(found.Conversation, cancellationToken);
                return pdf is null
                    ? Results.Problem(title: "Aucun devis à télécharger pour l'instant.", statusCode: StatusCodes.Status404NotFound)
                    : Results.File(pdf, "application/pdf", $"{quote!.Number}.pdf");
            }
            catch (HttpRequestException)
            {
                return Results.Problem(title: "Le devis est momentanément indisponible : réessayez dans quelques minutes.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("CustomerSpaceQuotePdf");

        // An invoice or credit note of the case (<c>/espace/{token}/factures/{id}.pdf</c>): the Payment service answers only
        // for the token's own case, so another case's invoice id is 404 here.
        app.MapGet("/espace/{token}/factures/{invoiceId:guid}.pdf", async (
            string token, Guid invoiceId, HttpContext http, CustomerSpaceClient space, CustomerPaymentClient payments, CancellationToken cancellationToken) =>
        {
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            try
            {
                if (await space.GetAsync(token, cancellationToken) is not { } found)
                {
                    return Results.Problem(title: "Ce lien n'est plus valide.", statusCode: StatusCodes.Status410Gone);
                }

                var invoice = (await payments.GetAsync(found.Conversation, cancellationToken))?.InvoiceList.SingleOrDefault(i => i.Id == invoiceId);
                var pdf = invoice is null ? null : await payments.InvoicePdfAsync(found.Conversation, invoiceId, cancellationToken);
                return pdf is null
                    ? Results.Problem(title: "Cette facture est introuvable.", statusCode: StatusCodes.Status404NotFound)
                    : Results.File(pdf, "application/pdf", $"{invoice!.Number}.pdf");
            }
            catch (HttpRequestException)
            {
                return Results.Problem(title: "La facture est momentanément indisponible : réessayez dans quelques minutes.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("CustomerSpaceInvoicePdf");
        return app;
    }
}
