using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.Payment.Api.Features.Cancellation;
using CommercialManagement.Payment.Api.Features.CustomerPayments;
using CommercialManagement.Payment.Api.Features.Exports;
using CommercialManagement.Payment.Api.Features.Invoices;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Features.PersonalData;
using CommercialManagement.Payment.Api.Features.Refunds;
using CommercialManagement.Payment.Api.Features.Requests;
using CommercialManagement.Payment.Api.Features.Sandbox;
using CommercialManagement.Payment.Api.Features.Webhooks;
using CommercialManagement.ServiceDefaults.Security;

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
            .WithIdempotency()
            .WithSummary("Records a payment received offline {amountCents, method, reference, receivedOn}: never above what remains; publishes PaymentReceived (Deposit, Balance or Full).");
        payments.MapPost("/by-request/{requestId:guid}/requests", PaymentRequests.CreateAsync)
            .WithName("RequestPayment")
            .WithIdempotency()
            .WithSummary("Asks the customer to pay {kind: Deposit, Balance or Full}: the amount follows from the ledger; 409 with the reason when the rules refuse; publishes PaymentRequested.");
        payments.MapGet("/by-request/{requestId:guid}/cancellation", CaseCancellation.PreviewAsync)
            .WithName("PreviewCaseCancellation")
            .WithSummary("« Annuler le dossier »: the organisation's terms applied today (days before arrival, the row, retained, held, kept, to refund); 409 once cancelled.");
        payments.MapPost("/by-request/{requestId:guid}/cancellation", CaseCancellation.CancelAsync)
            .WithName("CancelCase")
            .WithIdempotency()
            .WithSummary("Cancels the case {requestedBy, reason, retainedCents? (Admin, with overrideReason), refund?: {method (Online, or offline with reference), reference, refundedOn}}: requests withdrawn, invoices credited, the indemnity invoiced, the refund recorded (offline) or sent to the provider (Online); CaseCancelled.");
        payments.MapPost("/by-request/{requestId:guid}/refunds", StaffRefunds.RefundAsync)
            .WithName("RefundPayment")
            .WithIdempotency()
            .WithSummary("« Rembourser » {purpose: Goodwill or Overpayment, paymentId, amountCents, reason, method: Online or offline, reference, refundedOn}: offline recorded at once with its credit note; Online sent to the provider after the commit, recorded when it reports the refund.");
        payments.MapPost("/by-request/{requestId:guid}/refunds/uncounted", StaffRefunds.RefundUncountedAsync)
            .WithName("RefundUncountedPayment")
            .WithIdempotency()
            .WithSummary("« Rembourser ce paiement » {eventId}: a payment the provider took but the ledger did not count (a flagged event « À rembourser ») goes back whole through the provider; 404 when the event is not one of this case's, 409 when already refunded.");
        payments.MapGet("/invoices/{invoiceId:guid}/pdf", InvoicePdf.ShowAsync)
            .WithName("GetInvoicePdf")
            .WithSummary("An invoice or credit note of the organisation as a PDF, rendered from what was frozen when it was issued; 404 when unknown.");
        payments.MapPost("/requests/{paymentRequestId:guid}/cancellation", PaymentRequests.CancelAsync)
            .WithName("CancelPaymentRequest")
            .WithSummary("Withdraws a payment request still open (its link dies); 409 once paid or cancelled.");
        payments.MapGet("/personal-data", PersonalDataEndpoint.GetAsync)
            .WithName("GetPaymentPersonalData")
            .WithSummary("Admins: everything Payment holds about an email address (the cases, invoices and their PDFs, payments, refunds, the provider's events), for a GDPR access request.")
            .RequireAuthorization(StaffClaims.AdminRole);

        // « Exports » (Admins): ?from=yyyy-MM-dd&to=yyyy-MM-dd, Paris days included, a year at most; 400 in French otherwise.
        var exports = app.MapGroup("/api/payments/exports").WithTags("Exports").RequireAuthorization(StaffClaims.AdminRole);
        exports.MapGet("/sales-journal.csv", ExportEndpoints.SalesJournalAsync)
            .WithName("ExportSalesJournal")
            .WithSummary("The sales journal (VE) as French CSV: each invoice, deposit invoice, indemnity and credit note issued in the period, balanced; a totals line.");
        exports.MapGet("/bank-journal.csv", ExportEndpoints.BankJournalAsync)
            .WithName("ExportBankJournal")
            .WithSummary("The bank journal (BQ) as French CSV: each payment received and refund of the period, balanced; a totals line.");
        exports.MapGet("/fec.txt", ExportEndpoints.FecAsync)
            .WithName("ExportFec")
            .WithSummary("The FEC (article A47 A-1 LPF) of both journals: 18 columns, « | », yyyyMMdd, decimal comma, ISO 8859-15, named <SIREN>FEC<yyyyMMdd>.txt; 400 without a SIRET.");
        exports.MapGet("/tourist-tax.csv", ExportEndpoints.TouristTaxCsvAsync)
            .WithName("ExportTouristTaxCsv")
            .WithSummary("The tourist-tax statement as French CSV: per stay, its nights in the period, persons, liable, exempt, rate and amount; a totals line.");
        exports.MapGet("/tourist-tax.pdf", ExportEndpoints.TouristTaxPdfAsync)
            .WithName("ExportTouristTaxPdf")
            .WithSummary("The tourist-tax statement as a PDF, in the invoices' look.");

        var customer = app.MapGroup("/customer/payments").WithTags("Customer space").RequireAuthorization(StaffTokenOptions.CustomerScheme);
        customer.MapGet("/", CustomerPaymentsEndpoints.GetAsync)
            .WithName("GetCustomerPayments")
            .WithSummary("The token's case as its customer sees it: accepted total, paid, remaining, the requests due (open, not expired) and the payments made.");
        customer.MapGet("/invoices/{invoiceId:guid}/pdf", InvoicePdf.ForCustomerAsync)
            .WithName("GetCustomerInvoicePdf")
            .WithSummary("An invoice or credit note of the token's case as a PDF; another case's is 404.");
        customer.MapPost("/{paymentRequestId:guid}/checkout", CustomerCheckout.CheckoutAsync)
            .WithName("OpenCustomerCheckout")
            .WithSummary("« Payer » {successUrl, cancelUrl}: reuses the request's live checkout session or opens one (Stripe, or the sandbox) with its idempotency key; answers {url}.");

        // The Notification worker's way to an invoice's PDF, with its document token only. The gateway forwards /api only:
        // this route is never reachable from outside.
        var documents = app.MapGroup("/documents/invoices").WithTags("Documents").RequireAuthorization(DocumentTokenIssuer.Scheme);
        documents.MapGet("/{invoiceId:guid}/pdf", InvoicePdf.ForNotificationAsync)
            .WithName("GetInvoiceDocument")
            .WithSummary("An invoice or credit note's PDF for the Notification worker to attach to the email that sends it.");

        // Only without Stripe keys (else 404); anonymous: the unguessable session id is the key, as on Stripe's own pages.
        var sandbox = app.MapGroup("/sandbox/checkout").WithTags("Sandbox").AllowAnonymous().ExcludeFromDescription();
        sandbox.MapGet("/{sessionId}", SandboxEndpoints.ShowAsync)
            .WithName("ShowSandboxCheckout")
            .WithSummary("The sandbox's checkout page: merchant, description, amount, the card form and the test cards.");
        sandbox.MapPost("/{sessionId}", SandboxEndpoints.PayAsync)
            .WithName("PaySandboxCheckout")
            .WithSummary("Pays with a test card: sends the signed checkout.session.completed to /webhooks/stripe, then 303 to the success page.")
            .DisableAntiforgery();

        app.MapPost("/webhooks/stripe", StripeWebhook.ReceiveAsync)
            .AllowAnonymous()
            .WithTags("Webhooks")
            .WithName("ReceiveStripeEvent")
            .WithSummary("Stripe's (or the sandbox's) events: signature checked on the raw body (400 and nothing stored when it fails), stored once by event id (200, repeats too), processed from the store.");
        return app;
    }
}
