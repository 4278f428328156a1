using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>One payment of the ledger: what may still be given back on it, and whether through the provider that took it.</summary>
internal sealed record PaymentView(
    Guid Id, Guid QuoteId, long AmountCents, string Kind, string KindLabel, string Method, string MethodLabel, string Reference,
    DateOnly ReceivedOn, string RecordedBy, DateTimeOffset RecordedAt, long RefundableCents = 0, bool RefundsOnline = false);

/// <summary>
/// A refund ordered through the provider: Status ToSend (on its way), Sent (taken, waiting for the provider's report), Done
/// (recorded) or Refused (<see cref="Failure"/>: nothing was given back).
/// </summary>
internal sealed record RefundOrderView(
    Guid Id, Guid? PaymentId, long AmountCents, string Purpose, string Reason, string Status, string StatusLabel, string OrderedBy, DateTimeOffset OrderedAt,
    string? ProviderRefundId, string? Failure);

/// <summary>An invoice or credit note of the case, issued for good; its PDF is at <c>/api/payments/invoices/{id}/pdf</c>.</summary>
internal sealed record InvoiceView(Guid Id, string Number, string Kind, string KindLabel, DateOnly IssueDate, long AmountCents, Guid? CorrectsInvoiceId);

/// <summary>A payment request as staff follow it: Status is Open, Expired (open but past its expiry), Paid or Cancelled.</summary>
internal sealed record PaymentRequestView(
    Guid Id, string Kind, string KindLabel, long AmountCents, string Status, string StatusLabel, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset ExpiresAt, string? LastFailure, DateTimeOffset? ClosedAt);

/// <summary>What the button of a kind would ask now and, when it may not, why.</summary>
internal sealed record PaymentRequestOption(string Kind, string KindLabel, long AmountCents, bool Allowed, string? Reason);

/// <summary>
/// A case's ledger as staff see it: the accepted quote, the deposit asked, paid so far (received, refunds not deducted), what
/// remains (the accepted total less what the case holds: received less refunded), each payment, the payment requests sent and
/// what each « Demander » button would ask now, the refunds, the provider events that did not match our requests (anomalies),
/// the invoices and credit notes issued, and what the case holds beyond the accepted total (an amendment lowered it): to refund.
/// </summary>
internal sealed record LedgerView(
    Guid RequestId, Guid AcceptedQuoteId, string QuoteNumber, bool QuoteVoided, long AcceptedTotalCents, DateOnly? Arrival, int DepositPercentage, long DepositCents,
    long PaidCents, long RemainingCents, IReadOnlyList<PaymentView> Payments, IReadOnlyList<PaymentRequestView> Requests, IReadOnlyList<PaymentRequestOption> Options,
    long RefundedCents, IReadOnlyList<RefundView> Refunds, IReadOnlyList<PaymentAnomalyView> Anomalies, IReadOnlyList<InvoiceView> Invoices,
    bool Cancelled, DateTimeOffset? CancelledAt, string? CancellationReason,
    IReadOnlyList<RefundOrderView>? RefundOrders = null, long GoodwillCents = 0, long SurplusCents = 0, long CancellationRefundDueCents = 0, long OverpaidCents = 0);

internal static class LedgerWork
{
    public static async Task<OrganisationSettings> SettingsAsync(PaymentDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == organisationId, cancellationToken) ?? OrganisationSettings.Default(organisationId);

    public static long DepositCents(PaymentCase account, OrganisationSettings settings, TimeProvider time) =>
        Domain.Ledger.DepositCents(account.AcceptedTotalCents, settings.DepositPercentage, account.Arrival, ParisTime.Today(time), settings.BalanceDueDaysBeforeArrival);

    public static async Task<LedgerView> ViewAsync(PaymentDbContext db, CaseLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = ledger.Case;
        var settings = ledger.Seller;
        var deposit = DepositCents(account, settings, time);
        var now = time.GetUtcNow();
        return new LedgerView(
            account.Id, account.AcceptedQuoteId!.Value, account.QuoteNumber ?? "", account.AcceptedQuoteVoided, account.AcceptedTotalCents,
            account.Arrival, settings.DepositPercentage, deposit, ledger.ReceivedCents, ledger.RemainingCents,
            [.. ledger.Payments.Select(p => new PaymentView(
                p.Id, p.QuoteId, p.AmountCents, p.Kind.ToString(), p.Kind.Label(), p.Method.ToString(), p.Method.Label(), p.Reference,
                p.ReceivedOn, p.RecordedBy, p.RecordedAt, Math.Max(ledger.GivableCents(p.Id), 0), ledger.RefundsOnline(p)))],
            [.. ledger.Requests.Select(r => View(r, now))],
            [.. ledger.Options(deposit, now).Select(o => new PaymentRequestOption(o.Kind.ToString(), o.Kind.Label(), o.AmountCents, o.Allowed, o.Refusal))],
            ledger.RefundedCents,
            [.. ledger.Refunds.Select(r => new RefundView(r.Id, r.PaymentId, r.AmountCents, r.ProviderRefundId, r.RefundedAt, r.Method?.Label(), r.Reference, r.Purpose?.Label(), r.Reason))],
            await LedgerRefunds.AnomaliesAsync(db, account, ledger.RefundOrders, cancellationToken),
            [.. ledger.Invoices.Where(i => i.IsNumbered).OrderBy(i => i.IssuedAt).ThenBy(i => i.Number, StringComparer.Ordinal).Select(i => new InvoiceView(i.Id, i.Number, i.Kind.ToString(), i.Kind.Label(), i.IssueDate, i.AmountCents, i.CorrectsInvoiceId))],
            account.IsCancelled, account.CancelledAt, account.CancellationReason,
            [.. ledger.RefundOrders.Select(o => new RefundOrderView(
                o.Id, o.PaymentId, o.AmountCents, o.Purpose.Label(), o.Reason, o.Status.ToString(), o.Status.Label(), o.OrderedBy, o.OrderedAt, o.ProviderRefundId, o.Failure))],
            ledger.GoodwillCents, ledger.SurplusCents, ledger.CancellationRefundDueCents, ledger.OverpaidCents);
    }

    public static PaymentRequestView View(PaymentRequest request, DateTimeOffset now)
    {
        var expired = request.IsExpiredAt(now);
        var status = expired ? "Expired" : request.Status.ToString();
        return new PaymentRequestView(
            request.Id, request.Kind.ToString(), request.Kind.Label(), request.AmountCents, status, request.Status.Label(expired), request.CreatedAt,
            request.CreatedBy, request.ExpiresAt, request.LastFailure, request.ClosedAt);
    }
}
