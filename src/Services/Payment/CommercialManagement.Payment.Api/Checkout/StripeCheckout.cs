using CommercialManagement.Payment.Api.Domain;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// A Stripe Checkout Session per request: one EUR line of the amount in cents, our metadata and client reference (the payment
/// request), the customer space's success and cancel pages, and our own idempotency key derived from the request.
/// </summary>
internal sealed class StripeCheckout(IStripeClient client, ILogger<StripeCheckout> logger) : ICheckoutProvider
{
    public const string ProviderName = "Stripe";

    public string Name => ProviderName;

    /// <summary>Stripe.net waits 80 s by default: a call here waits <see cref="StripeOptions.Timeout"/> at most per attempt.</summary>
    public static IStripeClient CreateClient(StripeOptions options) => new StripeClient(new StripeClientOptions
    {
        ApiKey = options.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = options.Timeout }),
    });

    public async Task<CheckoutSession> CreateAsync(CheckoutOrder order, CancellationToken cancellationToken)
    {
        var request = order.Request;
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            Locale = "fr",
            ClientReferenceId = request.Id.ToString(),
            Metadata = order.Metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Description = order.Description, Metadata = order.Metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = request.AmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = order.Description },
                    },
                },
            ],
            SuccessUrl = order.SuccessUrl.AbsoluteUri,
            CancelUrl = order.CancelUrl.AbsoluteUri,
            ExpiresAt = order.SessionExpiresAt.UtcDateTime,
        };
        try
        {
            var session = await new SessionService(client).CreateAsync(
                create, new RequestOptions { IdempotencyKey = request.CheckoutIdempotencyKey }, cancellationToken);
            return new CheckoutSession(session.Id, session.Url, new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
        }
        catch (StripeException exception) when (exception.StripeError?.Type == "idempotency_error")
        {
            logger.LogWarning(exception, "Stripe refused the idempotency key {Key} of payment request {PaymentRequestId}", request.CheckoutIdempotencyKey, request.Id);
            throw new CheckoutKeyConflictException("Stripe refused the idempotency key.", exception);
        }
        catch (StripeException exception)
        {
            logger.LogWarning(exception, "Stripe refused the checkout session of payment request {PaymentRequestId}: {Error}", request.Id, exception.StripeError?.Message);
            throw new CheckoutUnavailableException("Stripe refused the checkout session.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new CheckoutUnavailableException("Stripe could not be reached.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CheckoutUnavailableException("Stripe did not answer in time.", exception);
        }
    }

    public async Task<bool> ExpireAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            // Our own key: a retry after a lost answer is the same request to Stripe.
            await new SessionService(client).ExpireAsync(
                sessionId, requestOptions: new RequestOptions { IdempotencyKey = $"expire-{sessionId}" }, cancellationToken: cancellationToken);
            return true;
        }
        catch (StripeException exception) when ((int)exception.HttpStatusCode < 500)
        {
            // Paid or expired already, or unknown: nothing left to close.
            logger.LogWarning(exception, "Stripe did not expire the checkout session {SessionId}: {Error}", sessionId, exception.StripeError?.Message);
            return true;
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Stripe could not be reached to expire the checkout session {SessionId}: tried again later", sessionId);
            return false;
        }
    }

    public async Task<RefundAttempt> RefundAsync(RefundOrder order, CancellationToken cancellationToken)
    {
        var create = new RefundCreateOptions
        {
            PaymentIntent = order.PaymentIntent,
            Amount = order.AmountCents,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string>
            {
                [CheckoutMetadata.OrganisationId] = order.OrganisationId.ToString(),
                [CheckoutMetadata.RequestId] = order.RequestId.ToString(),
                [CheckoutMetadata.RefundOrderId] = order.Id.ToString(),
            },
        };
        try
        {
            var refund = await new RefundService(client).CreateAsync(create, new RequestOptions { IdempotencyKey = order.IdempotencyKey }, cancellationToken);
            return refund.Status is "failed" or "canceled"
                ? new RefundAttempt(RefundAttemptOutcome.Refused, refund.Id, $"Stripe a refusé le remboursement ({refund.FailureReason ?? refund.Status}).")
                : new RefundAttempt(RefundAttemptOutcome.Taken, refund.Id);
        }
        catch (StripeException exception) when ((int)exception.HttpStatusCode is >= 400 and < 500 and not 429)
        {
            logger.LogWarning(exception, "Stripe refused refund order {OrderId}: {Error}", order.Id, exception.StripeError?.Message);
            return new RefundAttempt(RefundAttemptOutcome.Refused, Failure: $"Stripe a refusé le remboursement : {exception.StripeError?.Message ?? exception.Message}");
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Stripe could not be reached for refund order {OrderId}: tried again later", order.Id);
            return new RefundAttempt(RefundAttemptOutcome.Unreachable, Failure: "Stripe injoignable : nouvel essai bientôt.");
        }
    }
}
