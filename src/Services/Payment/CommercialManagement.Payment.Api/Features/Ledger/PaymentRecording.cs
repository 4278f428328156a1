using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>
/// How a payment enters the ledger, offline or online: the row and <c>PaymentReceived</c> (with what the case has now
/// paid, net of refunds, the accepted total and the day it was received) go in the caller's transaction, the case locked by the caller.
/// </summary>
internal static class PaymentRecording
{
    /// <summary>What the case holds: payments received less what was refunded.</summary>
    public static async Task<long> NetPaidAsync(PaymentDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.Payments.Where(p => p.RequestId == caseId).SumAsync(p => p.AmountCents, cancellationToken)
        - await db.Refunds.Where(r => r.RequestId == caseId).SumAsync(r => r.AmountCents, cancellationToken);

    public static void Record(PaymentDbContext db, PaymentCase account, Domain.Payment payment, long netPaidBeforeCents, DateTimeOffset now)
    {
        db.Payments.Add(payment);
        db.AddToOutbox(new PaymentReceived
        {
            OrganisationId = payment.OrganisationId, OccurredAt = now, RequestId = payment.RequestId, PaymentId = payment.Id, QuoteId = payment.QuoteId,
            AmountCents = payment.AmountCents, Kind = payment.Kind.ToString(), PaidCents = netPaidBeforeCents + payment.AmountCents,
            AcceptedTotalCents = account.AcceptedTotalCents, Method = payment.Method.ToString(), PaymentRequestId = payment.PaymentRequestId,
            ReceivedOn = payment.ReceivedOn,
        });
    }
}
