using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>How money is given back: offline (a transfer, a cheque…) with its reference and day, or online through the provider that took it.</summary>
internal sealed record RefundInstruction(PaymentMethod Method, string Reference, DateOnly RefundedOn, bool Online = false)
{
    public static RefundInstruction ThroughProvider(DateOnly today) => new(PaymentMethod.Card, "", today, Online: true);
}

/// <summary>
/// « Rembourser »: money given back on one of the case's payments, offline (recorded at once) or through the payment's
/// provider (a <see cref="RefundOrder"/> sent after the commit, recorded when the provider reports it). A commercial
/// gesture lowers what the customer owes; an overpayment gives back what the case holds beyond the accepted total.
/// </summary>
internal sealed partial class CaseLedger
{
    private readonly List<RefundOrder> orders;

    /// <summary>The refunds ordered through the provider: those outstanding, done or refused.</summary>
    public IReadOnlyList<RefundOrder> RefundOrders => orders;

    /// <summary>Given back as a commercial gesture: the customer owes it no more.</summary>
    public long GoodwillCents => refunds.Where(r => r.Purpose == RefundPurpose.Goodwill).Sum(r => r.AmountCents);

    /// <summary>What settles the accepted total: what the case holds, and what it gave back as a commercial gesture.</summary>
    public long SettledCents => HeldCents + GoodwillCents;

    /// <summary>Ordered through the provider and not reported yet.</summary>
    public long OutstandingRefundCents => orders.Where(o => o.IsOutstanding && o.PaymentId is not null).Sum(o => o.AmountCents);

    /// <summary>What the case holds beyond the accepted total (a total lowered after payment), less what is on its way back already.</summary>
    public long SurplusCents =>
        Math.Max(SettledCents - orders.Where(o => o.IsOutstanding && o.PaymentId is not null && o.Purpose != RefundPurpose.Goodwill).Sum(o => o.AmountCents)
            - Case.AcceptedTotalCents, 0);

    /// <summary>
    /// What a cancellation refunded online could not give back (the provider refused it) and was not given back offline since:
    /// staff give it back by « Rembourser », offline.
    /// </summary>
    public long CancellationRefundDueCents => Case.CancelledAt is not { } cancelledAt
        ? 0
        : Math.Max(
            orders.Where(o => o.Purpose == RefundPurpose.Cancellation && o.Status == RefundOrderStatus.Refused).Sum(o => o.AmountCents)
            - refunds.Where(r => r.Purpose == RefundPurpose.Cancellation && r.ProviderRefundId is null && r.RecordedAt > cancelledAt).Sum(r => r.AmountCents),
            0);

    /// <summary>What may still be given back on a payment: what it holds, less the refunds on their way through the provider.</summary>
    public long GivableCents(Guid paymentId) =>
        RefundableCents(paymentId) - orders.Where(o => o.PaymentId == paymentId && o.IsOutstanding).Sum(o => o.AmountCents);

    /// <summary>Whether money given back on <paramref name="payment"/> can go through the provider that took it.</summary>
    public bool RefundsOnline(Payment payment) => payment.ProviderReference is not null && ProviderOf(payment) is not null;

    /// <summary>
    /// « Rembourser » outside a cancellation: a commercial gesture (<see cref="RefundPurpose.Goodwill"/>) or what the case
    /// holds beyond the accepted total (<see cref="RefundPurpose.Overpayment"/>), on one payment, never more than it still
    /// holds. Offline, the refund is recorded at once with its credit note; online, a <see cref="RefundOrder"/> is left to
    /// send after the commit, and the provider's report records it. Returns the order, or null when recorded offline.
    /// </summary>
    public RefundOrder? GiveBack(
        RefundPurpose purpose, Guid paymentId, long amountCents, string reason, RefundInstruction means, string staff, DateTimeOffset now)
    {
        if (Case.IsCancelled && (purpose != RefundPurpose.Cancellation || means.Online || CancellationRefundDueCents == 0))
        {
            throw new LedgerRuleException("Le dossier est annulé : ses remboursements ont été décidés à l'annulation.");
        }

        if (purpose == RefundPurpose.Cancellation && !Case.IsCancelled)
        {
            throw new LedgerRuleException("Un remboursement d'annulation se fait par « Annuler le dossier ».", "purpose");
        }

        if (purpose == RefundPurpose.Cancellation && amountCents > CancellationRefundDueCents)
        {
            throw new LedgerRuleException(
                $"Il reste {Euros.Format(CancellationRefundDueCents)} à rembourser de l'annulation (le prestataire a refusé le remboursement en ligne).", "amountCents");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LedgerRuleException("Indiquez le motif du remboursement.", "reason");
        }

        var payment = PaymentOf(paymentId);
        if (amountCents <= 0)
        {
            throw new LedgerRuleException("Le montant doit être supérieur à zéro (en centimes).", "amountCents");
        }

        var givable = GivableCents(paymentId);
        if (amountCents > givable)
        {
            throw new LedgerRuleException(
                $"Le paiement {payment.Reference} ne peut plus rembourser que {Euros.Format(Math.Max(givable, 0))}.", "amountCents");
        }

        if (purpose == RefundPurpose.Overpayment && amountCents > SurplusCents)
        {
            throw new LedgerRuleException(
                SurplusCents == 0
                    ? $"Rien n'a été trop perçu : le dossier détient {Euros.Format(HeldCents)} pour un total de {Euros.Format(Case.AcceptedTotalCents)}."
                    : $"Le trop-perçu est de {Euros.Format(SurplusCents)} : un remboursement de {Euros.Format(amountCents)} le dépasse.",
                "amountCents");
        }

        if (means.Online)
        {
            var provider = RefundsOnline(payment)
                ? ProviderOf(payment)!
                : throw new LedgerRuleException(
                    "Ce paiement n'a pas été fait en ligne : remboursez-le par virement, chèque ou espèces.", "method");
            var order = RefundOrder.Create(payment, provider, amountCents, purpose, reason.Trim(), staff, now);
            orders.Add(order);
            added.Add(order);
            return order;
        }

        if (means.Method.NeedsReference() && string.IsNullOrWhiteSpace(means.Reference))
        {
            throw new LedgerRuleException("Un remboursement par virement ou par chèque demande sa référence.", "reference");
        }

        var refund = Refund.Offline(payment, amountCents, means.Method, means.Reference.Trim(), Noon(means.RefundedOn), staff, now, purpose, reason.Trim());
        Refunded(refund, now);
        return null;
    }

    /// <summary>
    /// « Rembourser ce paiement » on a payment the provider took but the ledger never counted (its event flagged « À
    /// rembourser »): the whole of it, through the provider, once. Returns the order.
    /// </summary>
    public RefundOrder GiveBackUncounted(string paymentIntent, long amountCents, string provider, string staff, DateTimeOffset now)
    {
        if (payments.Any(p => p.ProviderReference == paymentIntent))
        {
            throw new LedgerRuleException($"Le paiement {paymentIntent} est compté dans le dossier : remboursez-le comme les autres.");
        }

        if (orders.FirstOrDefault(o => o.PaymentIntent == paymentIntent && o.Status != RefundOrderStatus.Refused) is { } given)
        {
            throw new LedgerRuleException($"Le paiement {paymentIntent} est déjà remboursé ou en cours de remboursement ({given.Status.Label().ToLowerInvariant()}).");
        }

        var order = RefundOrder.Uncounted(
            Case.OrganisationId, Case.Id, paymentIntent, provider, amountCents, $"Paiement {paymentIntent} non compté : rendu en entier", staff, now);
        orders.Add(order);
        added.Add(order);
        return order;
    }

    /// <summary>
    /// Gives <paramref name="amountCents"/> back through the provider on the case's online payments, the latest first, never
    /// more than each may still give back. Returns what is left to give back another way.
    /// </summary>
    private long OrderBack(long amountCents, RefundPurpose purpose, string reason, string staff, DateTimeOffset now)
    {
        var left = amountCents;
        foreach (var payment in payments.AsEnumerable().Reverse().Where(RefundsOnline))
        {
            var part = Math.Min(left, GivableCents(payment.Id));
            if (part <= 0)
            {
                continue;
            }

            var order = RefundOrder.Create(payment, ProviderOf(payment)!, part, purpose, reason, staff, now);
            orders.Add(order);
            added.Add(order);
            left -= part;
            if (left == 0)
            {
                break;
            }
        }

        return left;
    }

    /// <summary>What the online payments of the case may still give back through their provider.</summary>
    public long GivableOnlineCents => payments.Where(RefundsOnline).Sum(p => GivableCents(p.Id));

    /// <summary>The refund is in the ledger: <c>PaymentRefunded</c> tells it, and the invoice of that money is credited as its purpose says.</summary>
    private void Refunded(Refund refund, DateTimeOffset now)
    {
        refunds.Add(refund);
        added.Add(refund);
        events.Add(new PaymentRefunded
        {
            OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id, PaymentId = refund.PaymentId, RefundId = refund.Id,
            AmountCents = refund.AmountCents,
        });
        CreditRefund(refund, refund.Purpose switch
        {
            RefundPurpose.Goodwill => $"Geste commercial : {refund.Reason}",
            RefundPurpose.Overpayment => "Remboursement du trop-perçu",
            _ => "Remboursement",
        }, now);
    }

    /// <summary>
    /// The orders a refund the provider reports fulfils: the one with its refund id, else the oldest outstanding one of the
    /// same amount on that payment, else all the outstanding ones on it when their sum is that amount (one report for several).
    /// </summary>
    private List<RefundOrder> OrdersFulfilledBy(Guid paymentId, string providerRefundId, long amountCents)
    {
        var open = orders.Where(o => o.PaymentId == paymentId && o.IsOutstanding).OrderBy(o => o.OrderedAt).ThenBy(o => o.Id).ToList();
        if (open.FirstOrDefault(o => o.ProviderRefundId == providerRefundId) is { } named)
        {
            return [named];
        }

        // A report without the refund's id (the charge's refunded total) may be any of ours; one with another id is not this order.
        var anonymous = !providerRefundId.StartsWith("re_", StringComparison.Ordinal);
        if (open.FirstOrDefault(o => o.AmountCents == amountCents && (o.ProviderRefundId is null || anonymous)) is { } same)
        {
            return [same];
        }

        return anonymous && open.Sum(o => o.AmountCents) == amountCents ? open : [];
    }

    private string? ProviderOf(Payment payment) =>
        payment.PaymentRequestId is { } id ? requests.SingleOrDefault(r => r.Id == id)?.Provider : null;

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
