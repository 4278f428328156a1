using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Features.Webhooks;

namespace CommercialManagement.Payment.Api;

internal static class PaymentApi
{
    public static IEndpointRouteBuilder MapPaymentApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments").WithTags("Payments");
        payments.MapGet("/by-request/{requestId:guid}", LedgerEndpoints.GetByRequestAsync)
            .WithName("GetPaymentsOfRequest")
            .WithSummary("The case's ledger: accepted quote and total, the deposit asked, paid so far, what remains, each payment; 404 without an accepted quote.");
        payments.MapPost("/by-request/{requestId:guid}/offline", OfflinePayments.RecordAsync)
            .WithName("RecordOfflinePayment")
            .WithSummary("Records a payment received offline {amountCents, method, reference, receivedOn}: never above what remains; publishes PaymentReceived (Deposit, Balance or Full).");
        app.MapPost("/webhooks/stripe", StripeWebhook.ReceiveAsync)
            .AllowAnonymous()
            .WithTags("Webhooks")
            .WithName("ReceiveStripeEvent")
            .WithSummary("Stripe's (or the sandbox's) events: signature checked on the raw body (400 and nothing stored when it fails), stored once by event id (200, repeats too), processed from the store.");
        return app;
    }
}
