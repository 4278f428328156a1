using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.CustomerPayments;

/// <summary>A request the customer can pay now (open, not expired).</summary>
internal sealed record CustomerPaymentDue(Guid Id, string Kind, string KindLabel, long AmountCents, DateTimeOffset ExpiresAt, string? LastFailure);

/// <summary>A payment received, as the customer's receipt line reads it.</summary>
internal sealed record CustomerPaymentMade(string KindLabel, long AmountCents, DateOnly ReceivedOn, string MethodLabel);

/// <summary>An invoice or credit note of the case, its PDF at <c>/customer/payments/invoices/{id}/pdf</c>.</summary>
internal sealed record CustomerInvoice(Guid Id, string Number, string Kind, string KindLabel, DateOnly IssueDate, long AmountCents);

/// <summary>The payments as the customer reads them in the customer space: what is due, what was paid, the invoices issued.</summary>
internal sealed record CustomerPayments(
    string QuoteNumber, long AcceptedTotalCents, long PaidCents, long RemainingCents, IReadOnlyList<CustomerPaymentDue> Due, IReadOnlyList<CustomerPaymentMade> Paid,
    IReadOnlyList<CustomerInvoice> Invoices);

/// <summary>Where the browser goes back after paying or giving up: pages of the customer space, built by the gateway.</summary>
internal sealed record CheckoutBody(string? SuccessUrl, string? CancelUrl);

/// <summary>The checkout page to send the browser to (Stripe's, or the sandbox's).</summary>
internal sealed record CheckoutLink(string Url);

/// <summary>
/// What the gateway's customer space calls with a customer token (one case, policy « Customer »): what is due and paid (net
/// of refunds, as the ledger counts it); « Payer » is <see cref="CustomerCheckout"/>.
/// </summary>
internal static class CustomerPaymentsEndpoints
{
    public static async Task<Results<Ok<CustomerPayments>, ProblemHttpResult>> GetAsync(
        HttpContext http, PaymentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseId = CaseOf(http);
        var ledger = await db.ReadAsync(caseId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return TypedResults.Problem(title: "Aucun paiement à consulter pour l'instant.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok(new CustomerPayments(
            ledger.Case.QuoteNumber ?? "", ledger.Case.AcceptedTotalCents, ledger.HeldCents, ledger.RemainingCents,
            [.. ledger.Requests.Where(r => r.IsPayableAt(now)).Select(r => new CustomerPaymentDue(r.Id, r.Kind.ToString(), r.Kind.Label(), r.AmountCents, r.ExpiresAt, r.LastFailure))],
            [.. ledger.Payments.Select(p => new CustomerPaymentMade(p.Kind.Label(), p.AmountCents, p.ReceivedOn, p.Method.Label()))],
            [.. ledger.Invoices.Where(i => i.IsNumbered).OrderBy(i => i.IssuedAt).ThenBy(i => i.Number, StringComparer.Ordinal).Select(i => new CustomerInvoice(i.Id, i.Number, i.Kind.ToString(), i.Kind.Label(), i.IssueDate, i.AmountCents))]));
    }

    public static Guid CaseOf(HttpContext http) => Guid.Parse(http.User.FindFirst(StaffClaims.CaseId)!.Value);
}
