using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>
/// <c>charge.refunded</c>: the payment is found by its payment intent, then each refund listed on the charge is recorded
/// once by its provider id; when Stripe lists none (it does not by default), what the charge's refunded total adds to what
/// we hold is recorded under the charge and that total. Never more than the payment; an older event adds nothing. A refund
/// arriving before its payment waits for it (an hour at most).
/// </summary>
internal sealed class ChargeRefundedEvents(PaymentDbContext db, TenantContext tenant, TimeProvider time)
{
    /// <summary>How long a refund waits for its payment's checkout event before it is flagged.</summary>
    public static readonly TimeSpan WaitForPayment = TimeSpan.FromHours(1);

    private static readonly string[] DeadStatuses = ["failed", "canceled"];

    public async Task<StripeEventResult> HandleAsync(StripeEvent stored, StripeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (ChargeData.From(envelope.Object) is not { PaymentIntent: { } paymentIntent } charge)
        {
            return StripeEventResult.Flagged("Remboursement sans paiement identifiable (pas de payment_intent).");
        }

        var owner = await db.Payments.IgnoreQueryFilters().AsNoTracking().Where(p => p.ProviderReference == paymentIntent)
            .Select(p => new { p.Id, p.OrganisationId, p.RequestId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            // A payment the ledger never counted, given back by « Rembourser ce paiement »: the provider confirms it.
            var uncounted = await db.RefundOrders.IgnoreQueryFilters()
                .Where(o => o.PaymentIntent == paymentIntent && o.PaymentId == null && o.Status != RefundOrderStatus.Refused).ToListAsync(cancellationToken);
            if (uncounted.Count > 0)
            {
                stored.Concerns(uncounted[0].OrganisationId, uncounted[0].RequestId);
                if (uncounted.All(o => o.Status == RefundOrderStatus.Done))
                {
                    return StripeEventResult.Duplicate($"Le remboursement du paiement non compté {paymentIntent} est déjà confirmé.");
                }

                uncounted.ForEach(o => o.Confirmed());
                return StripeEventResult.Applied($"Paiement non compté {paymentIntent} rendu au client ({Euros.Format(charge.AmountRefunded)}).");
            }

            return await UnknownPaymentAsync(stored, envelope, charge, paymentIntent, cancellationToken);
        }

        stored.Concerns(owner.OrganisationId, owner.RequestId);
        if (charge.Metadata.GetValueOrDefault(CheckoutMetadata.OrganisationId) is { } organisation && organisation != owner.OrganisationId.ToString())
        {
            return StripeEventResult.Flagged($"Le remboursement du paiement {paymentIntent} nomme une autre organisation : rien n'est enregistré.");
        }

        if (!string.Equals(charge.Currency, "eur", StringComparison.OrdinalIgnoreCase))
        {
            return StripeEventResult.Flagged($"Remboursement en « {charge.Currency} » et non en euros : rien n'est enregistré.");
        }

        tenant.Use(owner.OrganisationId);
        var ledger = (await db.LockAsync(owner.RequestId, cancellationToken))!;
        var payment = ledger.Payments.Single(p => p.Id == owner.Id);
        var known = ledger.Refunds.Where(r => r.PaymentId == payment.Id).ToList();
        var target = Math.Min(charge.AmountRefunded, payment.AmountCents);
        var recorded = known.Sum(r => r.AmountCents);
        var now = time.GetUtcNow();
        var added = 0L;

        // What was recorded from the refunded total alone stands for the oldest refunds a later event lists by id.
        var covered = known.Where(r => r.ProviderRefundId?.StartsWith(charge.Id + ":", StringComparison.Ordinal) == true).Sum(r => r.AmountCents);
        foreach (var listed in charge.Refunds.Reverse().Where(r => !DeadStatuses.Contains(r.Status)).OrderBy(r => r.Created))
        {
            if (known.Any(r => r.ProviderRefundId == listed.Id))
            {
                continue;
            }

            if (covered >= listed.Amount)
            {
                covered -= listed.Amount;
                continue;
            }

            var amount = Math.Min(listed.Amount, target - recorded);
            if (amount <= 0)
            {
                continue;
            }

            added += ledger.RecordRefund(payment.Id, listed.Id, amount, listed.Created ?? envelope.Created, now).AmountCents;
            recorded += amount;
        }

        if (recorded < target)
        {
            added += ledger.RecordRefund(payment.Id, $"{charge.Id}:{charge.AmountRefunded}", target - recorded, envelope.Created, now).AmountCents;
        }

        if (added == 0)
        {
            return StripeEventResult.Duplicate($"Les remboursements du paiement {paymentIntent} sont déjà enregistrés.");
        }

        await db.StageAsync(ledger, time, cancellationToken);
        return StripeEventResult.Applied($"Remboursement de {Euros.Format(added)} enregistré sur le paiement {paymentIntent}.");
    }

    /// <summary>
    /// The payment is not in our books yet (its checkout event not processed, or still on its way): the event waits, retried
    /// with the processor's back-off, until it is <see cref="WaitForPayment"/> old; then it is flagged, on its case when the
    /// charge's metadata names one of ours.
    /// </summary>
    private async Task<StripeEventResult> UnknownPaymentAsync(
        StripeEvent stored, StripeEnvelope envelope, ChargeData charge, string paymentIntent, CancellationToken cancellationToken)
    {
        var sent = envelope.Created > DateTimeOffset.UnixEpoch ? envelope.Created : stored.ReceivedAt;
        if (time.GetUtcNow() - sent < WaitForPayment)
        {
            throw new StripeEventNotYetException($"Remboursement du paiement {paymentIntent}, pas encore enregistré : nouvel essai bientôt.");
        }

        var named = Guid.TryParse(charge.Metadata.GetValueOrDefault(CheckoutMetadata.PaymentRequestId), out var paymentRequestId)
            ? await db.PaymentRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == paymentRequestId)
                .Select(r => new { r.OrganisationId, r.RequestId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var organisation = charge.Metadata.GetValueOrDefault(CheckoutMetadata.OrganisationId);
        if (named is not null && (organisation is null || organisation == named.OrganisationId.ToString()))
        {
            stored.Concerns(named.OrganisationId, named.RequestId);
        }
        else if (named is null && Guid.TryParse(organisation, out var organisationId)
            && Guid.TryParse(charge.Metadata.GetValueOrDefault(CheckoutMetadata.RequestId), out var caseId)
            && await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == caseId && c.OrganisationId == organisationId, cancellationToken))
        {
            stored.Concerns(organisationId, caseId);
        }

        return StripeEventResult.Flagged(
            $"Remboursement du paiement {paymentIntent}, qui n'est toujours pas dans nos comptes {WaitForPayment.TotalMinutes:0} minutes après : rien n'est enregistré.");
    }
}
