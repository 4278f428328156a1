using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>Who asked to cancel: the customer, or the organisation itself.</summary>
internal enum CancellationRequestedBy
{
    Customer,
    Organisation,
}

/// <summary>
/// What « Annuler le dossier » would do today: the terms' row for the days left before the arrival, what it retains of
/// the accepted total, what the case holds, what is kept of it and what is given back.
/// </summary>
internal sealed record CancellationPreview(
    int DaysBeforeArrival, string Rule, long AcceptedTotalCents, long TermsRetainedCents, long HeldCents, long KeptCents, long RefundCents,
    IReadOnlyList<string> Terms, long OnlineRefundableCents = 0);

/// <summary>
/// « Annuler le dossier »: the cancellation terms applied to the case's money. A cancelled case takes no payment and no
/// request any more.
/// </summary>
internal sealed partial class CaseLedger
{
    /// <summary>What the case holds and is not already giving back (refunds ordered through the provider, not reported yet).</summary>
    private long KeepableCents => HeldCents - OutstandingRefundCents;

    /// <summary>What the terms give today (Europe/Paris): the tier for the days left, the amounts.</summary>
    public CancellationPreview PreviewCancellation(long depositCents, DateOnly today)
    {
        RequireCancellable();
        var days = Case.Arrival is { } arrival ? arrival.DayNumber - today.DayNumber : int.MaxValue;
        var tier = CancellationTerms.TierFor(Seller.CancellationTerms, days);
        var retained = tier.RetainedPercent is { } percent
            ? (long)Math.Round(Case.AcceptedTotalCents * percent / 100m, MidpointRounding.AwayFromZero)
            : Math.Min(depositCents, Case.AcceptedTotalCents);
        var kept = Math.Min(retained, KeepableCents);
        var terms = CancellationTerms.Of(Seller.CancellationTerms);
        var rule = CancellationTerms.Describe(terms)[terms.ToList().IndexOf(tier)];
        return new CancellationPreview(
            days == int.MaxValue ? 0 : days, rule, Case.AcceptedTotalCents, retained, KeepableCents, kept, KeepableCents - kept, CancellationTerms.Describe(Seller.CancellationTerms),
            GivableOnlineCents);
    }

    /// <summary>
    /// Cancels the case: the open requests withdrawn, every invoice credited in full (« Annulation du dossier »), the
    /// amount kept invoiced as a cancellation indemnity outside the scope of VAT, the rest given back as
    /// <paramref name="refund"/> says (offline, spread over the payments, latest first), and <c>CaseCancelled</c>.
    /// <paramref name="retainedCents"/> differs from the terms' only with <paramref name="overrideReason"/> (the handler
    /// lets only an Admin give one); it never exceeds what the case holds.
    /// </summary>
    public CancellationPreview Cancel(
        CancellationRequestedBy requestedBy, string reason, long depositCents, long? retainedCents, string? overrideReason, RefundInstruction? refund,
        string staff, DateOnly today, DateTimeOffset now)
    {
        var preview = PreviewCancellation(depositCents, today);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LedgerRuleException("Indiquez le motif de l'annulation.", "reason");
        }

        var kept = preview.KeptCents;
        if (retainedCents is { } asked && asked != preview.KeptCents)
        {
            if (string.IsNullOrWhiteSpace(overrideReason))
            {
                throw new LedgerRuleException("Un montant retenu différent des conditions d'annulation demande son motif.", "overrideReason");
            }

            if (asked < 0 || asked > KeepableCents)
            {
                throw new LedgerRuleException($"Le montant retenu est compris entre 0 et ce qui a été reçu ({Euros.Format(KeepableCents)}).", "retainedCents");
            }

            kept = asked;
        }

        var toRefund = KeepableCents - kept;
        if (toRefund > 0 && refund is null)
        {
            throw new LedgerRuleException($"Indiquez comment les {Euros.Format(toRefund)} sont remboursés (moyen et référence).", "refund");
        }

        if (refund is { Online: false } given && given.Method.NeedsReference() && string.IsNullOrWhiteSpace(given.Reference))
        {
            throw new LedgerRuleException("Un remboursement par virement ou par chèque demande sa référence.", "refund.reference");
        }

        if (refund is { Online: true } && toRefund > GivableOnlineCents)
        {
            throw new LedgerRuleException(
                $"Les paiements en ligne ne peuvent rendre que {Euros.Format(GivableOnlineCents)} sur les {Euros.Format(toRefund)} à rembourser : "
                + "choisissez un remboursement hors ligne (virement, chèque…).",
                "refund.method");
        }

        _ = WithdrawOpen(_ => true, $"Dossier annulé : {reason}", now);
        Case.MarkCancelled(requestedBy.ToString(), reason.Trim(), now);
        if (Case.ClearOverdue())
        {
            // Nothing is owed on a cancelled case: the board's « En retard » goes with it.
            events.Add(new PaymentOverdueCleared { OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id });
        }

        CreditEverything("Annulation du dossier", now);
        if (kept > 0 && Case.AcceptedContent is { } accepted)
        {
            Draft(InvoiceKind.CancellationFee, InvoiceDrafts.CancellationFee(accepted, Case.QuoteNumber ?? "", Seller, kept, preview.DaysBeforeArrival, today), kept, now);
        }

        if (toRefund > 0 && refund!.Online)
        {
            _ = OrderBack(toRefund, RefundPurpose.Cancellation, $"Annulation du dossier : {reason.Trim()}", staff, now);
        }
        else if (toRefund > 0)
        {
            RefundOffline(toRefund, refund!, staff, now);
        }

        events.Add(new CaseCancelled
        {
            OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id, QuoteId = Case.AcceptedQuoteId!.Value, QuoteNumber = Case.QuoteNumber ?? "",
            RequestedBy = requestedBy.ToString(), Reason = reason.Trim(), DaysBeforeArrival = preview.DaysBeforeArrival, RetainedCents = kept, RefundCents = toRefund,
            OverrideReason = kept != preview.KeptCents ? overrideReason?.Trim() : null, StaffName = staff, Language = Case.AcceptedContent?.Language,
        });
        return preview with { KeptCents = kept, RefundCents = toRefund };
    }

    private void RequireCancellable()
    {
        if (Case.IsCancelled)
        {
            throw new LedgerRuleException($"Le dossier est déjà annulé ({Case.CancellationReason}).");
        }

        if (Case.AcceptedQuoteId is null)
        {
            throw new LedgerRuleException("Ce dossier n'a pas de devis accepté : archivez-le plutôt que de l'annuler.");
        }
    }

    /// <summary>The sale undone: the final invoice credited for what it has not been yet, else each deposit invoice.</summary>
    private void CreditEverything(string reason, DateTimeOffset now)
    {
        var credited = invoices.Where(i => i.Kind == InvoiceKind.CreditNote && i.CorrectsInvoiceId is not null)
            .GroupBy(i => i.CorrectsInvoiceId!.Value).ToDictionary(g => g.Key, g => g.Sum(i => i.AmountCents));
        var sales = FinalInvoice is { } final ? [final] : invoices.Where(i => i.Kind == InvoiceKind.Deposit).ToList();
        foreach (var invoice in sales.Where(i => i.IsNumbered))
        {
            var left = invoice.AmountCents - credited.GetValueOrDefault(invoice.Id);
            if (left > 0)
            {
                Draft(InvoiceKind.CreditNote, InvoiceDrafts.CreditNote(invoice, left, reason, Seller), left, now, invoice.PaymentId, invoice.Id);
            }
        }
    }

    /// <summary>Offline refunds spread over the payments, the latest first, never more than each still holds.</summary>
    private void RefundOffline(long amountCents, RefundInstruction refund, string staff, DateTimeOffset now)
    {
        var left = amountCents;
        foreach (var payment in payments.AsEnumerable().Reverse())
        {
            var part = Math.Min(left, GivableCents(payment.Id));
            if (part <= 0)
            {
                continue;
            }

            Refunded(Refund.Offline(payment, part, refund.Method, refund.Reference.Trim(), Noon(refund.RefundedOn), staff, now), now);
            left -= part;
            if (left == 0)
            {
                return;
            }
        }
    }
}
