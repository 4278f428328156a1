using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

internal sealed record PaymentView(
    Guid Id, Guid QuoteId, long AmountCents, string Kind, string KindLabel, string Method, string MethodLabel, string Reference,
    DateOnly ReceivedOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A case's ledger as staff see it: the accepted quote, the deposit asked, paid so far (received, refunds not deducted), what
/// remains (the accepted total less what the case holds: received less refunded), each payment, the refunds, and the
/// provider events that did not match our requests (anomalies).
/// </summary>
internal sealed record LedgerView(
    Guid RequestId, Guid AcceptedQuoteId, string QuoteNumber, bool QuoteVoided, long AcceptedTotalCents, DateOnly? Arrival, int DepositPercentage, long DepositCents,
    long PaidCents, long RemainingCents, IReadOnlyList<PaymentView> Payments,
    long RefundedCents, IReadOnlyList<RefundView> Refunds, IReadOnlyList<PaymentAnomalyView> Anomalies);

internal static class LedgerWork
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today as people in the resort see it.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

    public static Task<List<Domain.Payment>> PaymentsAsync(PaymentDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.Payments.Where(p => p.RequestId == requestId).OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    public static async Task<LedgerView> ViewAsync(PaymentDbContext db, PaymentCase account, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == account.OrganisationId, cancellationToken)
            ?? OrganisationSettings.Default(account.OrganisationId);
        var payments = await PaymentsAsync(db, account.Id, cancellationToken);
        var paid = payments.Sum(p => p.AmountCents);
        var refunds = await LedgerRefunds.RefundsAsync(db, account.Id, cancellationToken);
        var refunded = refunds.Sum(r => r.AmountCents);
        var deposit = Domain.Ledger.DepositCents(account.AcceptedTotalCents, settings.DepositPercentage, account.Arrival, Today(time), settings.BalanceDueDaysBeforeArrival);
        return new LedgerView(
            account.Id, account.AcceptedQuoteId!.Value, account.QuoteNumber ?? "", account.AcceptedQuoteVoided, account.AcceptedTotalCents,
            account.Arrival, settings.DepositPercentage, deposit, paid, Math.Max(account.AcceptedTotalCents - paid + refunded, 0),
            [.. payments.Select(p => new PaymentView(
                p.Id, p.QuoteId, p.AmountCents, p.Kind.ToString(), p.Kind.Label(), p.Method.ToString(), p.Method.Label(), p.Reference,
                p.ReceivedOn, p.RecordedBy, p.RecordedAt))],
            refunded, refunds, await LedgerRefunds.AnomaliesAsync(db, account, cancellationToken));
    }
}
