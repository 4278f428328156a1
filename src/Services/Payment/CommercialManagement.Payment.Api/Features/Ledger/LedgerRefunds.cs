using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>Money given back on one of the case's payments: through the provider (its refund id), or offline (means and reference).</summary>
internal sealed record RefundView(
    Guid Id, Guid PaymentId, long AmountCents, string? ProviderRefundId, DateTimeOffset RefundedAt, string? MethodLabel = null, string? Reference = null,
    string? PurposeLabel = null, string? Reason = null);

/// <summary>
/// A provider event about this case that did not match our request (amount, currency, ids): kept, never applied. A payment
/// the ledger did not count carries what to give back (<see cref="RefundDueReference"/>, <see cref="RefundAmountCents"/>) and,
/// once « Rembourser ce paiement » was used, the order's status.
/// </summary>
internal sealed record PaymentAnomalyView(
    string EventId, DateTimeOffset ReceivedAt, string Reason, string? RefundDueReference = null, long? RefundAmountCents = null, string? RefundStatusLabel = null);

internal static class LedgerRefunds
{
    /// <summary>The flagged events matched to this case of this organisation (the events table has no query filter: both are explicit).</summary>
    public static async Task<List<PaymentAnomalyView>> AnomaliesAsync(
        PaymentDbContext db, PaymentCase account, IReadOnlyList<RefundOrder> orders, CancellationToken cancellationToken)
    {
        var flagged = await db.StripeEvents
            .Where(e => e.CaseId == account.Id && e.OwnerOrganisationId == account.OrganisationId && e.Outcome == StripeEventOutcome.Flagged)
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.ReceivedAt, e.Note, e.RefundDueReference, e.Payload }).ToListAsync(cancellationToken);
        return [.. flagged.Select(e => new PaymentAnomalyView(
            e.Id, e.ReceivedAt, e.Note ?? "", e.RefundDueReference, e.RefundDueReference is null ? null : AmountOf(e.Payload),
            orders.Where(o => o.PaymentIntent == e.RefundDueReference && o.PaymentId is null).OrderBy(o => o.OrderedAt).LastOrDefault()?.Status.Label()))];
    }

    /// <summary>The amount of the checkout session a flagged event reports (what the customer paid).</summary>
    public static long? AmountOf(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var session)
                ? Features.Webhooks.CheckoutSessionData.From(session)?.AmountTotal
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
