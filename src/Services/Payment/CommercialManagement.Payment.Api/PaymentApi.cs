using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Features.Requests;

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
        payments.MapPost("/by-request/{requestId:guid}/requests", PaymentRequests.CreateAsync)
            .WithName("RequestPayment")
            .WithSummary("Asks the customer to pay {kind: Deposit, Balance or Full}: the amount follows from the ledger; 409 with the reason when the rules refuse; publishes PaymentRequested.");
        payments.MapPost("/requests/{paymentRequestId:guid}/cancellation", PaymentRequests.CancelAsync)
            .WithName("CancelPaymentRequest")
            .WithSummary("Withdraws a payment request still open (its link dies); 409 once paid or cancelled.");
        return app;
    }
}
