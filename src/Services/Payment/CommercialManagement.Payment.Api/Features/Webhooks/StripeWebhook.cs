using System.Text;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>
/// Stripe's (or the sandbox's) webhook: the signature is checked on the raw body before anything else (refused: 400 and
/// nothing stored); a signed event is stored once by its id (a repeat is 200 too) and processed later from the store.
/// Anonymous and cross-organisation by nature: the organisation is known only once the processor matched the event.
/// </summary>
internal static class StripeWebhook
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Stripe's events weigh a few KB; anything this large is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, PaymentDbContext db, IOptions<StripeOptions> options, StripeEventSignal signal, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhook));
        var json = await ReadBodyAsync(request, cancellationToken);
        if (json is null)
        {
            return TypedResults.Problem(title: "Événement trop volumineux.", detail: $"Un événement Stripe ne dépasse pas {MaxBodyBytes / 1024} Ko.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var header = request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            logger.LogWarning("Stripe webhook refused: no {Header} header", SignatureHeader);
            return Refused("L'en-tête Stripe-Signature est absent.");
        }

        var now = time.GetUtcNow();
        try
        {
            EventUtility.ValidateSignature(json, header, options.Value.WebhookSecret, options.Value.WebhookToleranceSeconds, now.ToUnixTimeSeconds());
        }
        catch (StripeException exception)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", exception.Message);
            return Refused("La signature ne correspond pas à ce contenu, ou elle est trop ancienne.");
        }

        if (!StripeEnvelope.TextIsAcceptable(json))
        {
            logger.LogWarning("Stripe webhook refused: a signed event holds a character no text may hold");
            return Refused(InputText.Refusal);
        }

        if (StripeEnvelope.Parse(json) is not { } envelope)
        {
            return Refused("Le contenu signé n'est pas un événement Stripe (identifiant ou type manquant).");
        }

        await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO stripe_events (id, type, payload, received_at, next_attempt_at, attempts)
             VALUES ({envelope.Id}, {envelope.Type}, {json}, {now}, {now}, 0)
             ON CONFLICT (id) DO NOTHING
             """,
            cancellationToken);
        signal.Notify();
        return TypedResults.Ok();
    }

    /// <summary>The body as sent (the signature covers its exact text), or null when larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(title: "Événement Stripe refusé.", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
