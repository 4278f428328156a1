using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>
/// The money of one case (its id is the request's): the accepted quote it is measured against (<see cref="Case"/>), the
/// payment requests sent, the payments received online and offline, the refunds, the invoices and credit notes
/// (<c>CaseLedgerInvoices.cs</c>). Loaded whole, under the case's lock when
/// it is to change; each move checks its rule and refuses loudly (<see cref="LedgerRuleException"/>), and leaves what it
/// created and the events that tell it for the caller to save with the outbox in one transaction (<see cref="TakeChanges"/>). The Dossier aggregate is the model: the rules live here, handlers parse, call and save.
/// </summary>
internal sealed partial class CaseLedger
{
    private readonly List<PaymentRequest> requests;
    private readonly List<Payment> payments;
    private readonly List<Refund> refunds;
    private readonly List<object> added = [];
    private readonly List<IIntegrationEvent> events = [];

    public CaseLedger(
        PaymentCase account, IEnumerable<PaymentRequest> requests, IEnumerable<Payment> payments, IEnumerable<Refund> refunds,
        IEnumerable<Invoice>? invoices = null, OrganisationSettings? seller = null, IEnumerable<RefundOrder>? orders = null)
    {
        Case = account;
        this.requests = [.. requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)];
        this.payments = [.. payments.OrderBy(p => p.RecordedAt).ThenBy(p => p.Id)];
        this.refunds = [.. refunds.OrderBy(r => r.RefundedAt).ThenBy(r => r.Id)];
        this.invoices = [.. (invoices ?? []).OrderBy(i => i.Series).ThenBy(i => i.Year).ThenBy(i => i.Sequence)];
        this.orders = [.. (orders ?? []).OrderBy(o => o.OrderedAt).ThenBy(o => o.Id)];
        Seller = seller ?? OrganisationSettings.Default(account.OrganisationId);
        if (this.requests.Concat<object>(this.payments).Concat(this.refunds).Concat(this.invoices).Concat(this.orders).Any(NotOfThisCase))
        {
            throw new ArgumentException($"A ledger holds the requests, payments and refunds of its case ({account.Id}) only.");
        }
    }

    public PaymentCase Case { get; }

    public IReadOnlyList<PaymentRequest> Requests => requests;

    public IReadOnlyList<Payment> Payments => payments;

    public IReadOnlyList<Refund> Refunds => refunds;

    /// <summary>The rows the moves created and the events they raised since the last call, for the caller to save (once).</summary>
    public (IReadOnlyList<object> Rows, IReadOnlyList<IIntegrationEvent> Events) TakeChanges()
    {
        (IReadOnlyList<object>, IReadOnlyList<IIntegrationEvent>) changes = ([.. added], [.. events]);
        added.Clear();
        events.Clear();
        return changes;
    }

    public bool HasAcceptedQuote => Case.AcceptedQuoteId is not null;

    public long ReceivedCents => payments.Sum(p => p.AmountCents);

    public long RefundedCents => refunds.Sum(r => r.AmountCents);

    /// <summary>What the case holds: received less refunded. What remains to pay and what may be asked are measured against it.</summary>
    public long HeldCents => ReceivedCents - RefundedCents;

    /// <summary>The accepted total less what settles it (what the case holds, and the commercial gestures), never below zero.</summary>
    public long RemainingCents => Math.Max(Case.AcceptedTotalCents - SettledCents, 0);

    /// <summary>What each of the three « Demander » buttons would ask now, or why it may not.</summary>
    public IReadOnlyList<RequestOption> Options(long depositCents, DateTimeOffset now) =>
        RequestRules.Options(Case, depositCents, SettledCents, requests, now);

    /// <summary>Staff ask the deposit, the balance or the whole: the amount follows from the ledger; <c>PaymentRequested</c> tells it.</summary>
    public PaymentRequest Ask(PaymentKind kind, long depositCents, string staff, DateTimeOffset now, TimeSpan validity)
    {
        var option = RequestRules.Option(kind, Case, depositCents, SettledCents, requests, now);
        if (!option.Allowed)
        {
            throw new LedgerRuleException(option.Refusal!);
        }

        var request = PaymentRequest.Create(Case, kind, option.AmountCents, staff, now, validity);
        requests.Add(request);
        added.Add(request);
        events.Add(new PaymentRequested
        {
            OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id, PaymentRequestId = request.Id, QuoteId = request.QuoteId,
            QuoteNumber = Case.QuoteNumber ?? "", Kind = kind.ToString(), AmountCents = request.AmountCents, AcceptedTotalCents = Case.AcceptedTotalCents,
            PaidCents = SettledCents, ExpiresAt = request.ExpiresAt,
        });
        return request;
    }

    /// <summary>
    /// Staff withdraw a request still open (expired or not): its link dies, its live session is closed after the commit;
    /// <c>PaymentRequestWithdrawn</c> tells it.
    /// </summary>
    public PaymentRequest Withdraw(Guid paymentRequestId, string reason, DateTimeOffset now)
    {
        var request = RequestOf(paymentRequestId);
        Cancel(request, reason, now);
        return request;
    }

    /// <summary>
    /// Withdraws the open requests (expired ones too) that <paramref name="which"/> names: asked against a quote replaced or
    /// voided, for a stay that changed, or for more than what remains, each told by <c>PaymentRequestWithdrawn</c>. Returns them.
    /// </summary>
    public IReadOnlyList<PaymentRequest> WithdrawOpen(Func<PaymentRequest, bool> which, string reason, DateTimeOffset now)
    {
        var withdrawn = requests.Where(r => r.Status == PaymentRequestStatus.Open).Where(which).ToList();
        foreach (var request in withdrawn)
        {
            Cancel(request, reason, now);
        }

        return withdrawn;
    }

    /// <summary>
    /// Staff record a payment received offline: on the accepted quote, never above what remains. Its kind follows from what
    /// was paid before; <c>PaymentReceived</c> tells it; the open requests that ask more than what now remains are withdrawn,
    /// so that the customer cannot overpay.
    /// </summary>
    public Payment RecordOffline(long amountCents, PaymentMethod method, string reference, DateOnly receivedOn, string staff, DateTimeOffset now)
    {
        RequireLiveQuote("aucun paiement ne peut être enregistré", "sur ce devis");
        var remaining = Case.AcceptedTotalCents - SettledCents;
        if (amountCents <= 0)
        {
            throw new LedgerRuleException("Le montant doit être supérieur à zéro (en centimes).", "amountCents");
        }

        if (amountCents > remaining)
        {
            throw new LedgerRuleException($"Le montant dépasse le reste à payer ({Euros.Format(Math.Max(remaining, 0))}).", "amountCents");
        }

        var kind = Ledger.KindOf(SettledCents, payments.Count, amountCents, Case.AcceptedTotalCents);
        var payment = Payment.Record(Case, kind, amountCents, method, reference, receivedOn, staff, now);
        Receive(payment, now);
        var left = remaining - amountCents;
        _ = WithdrawOpen(
            r => r.AmountCents > left,
            $"Annulée : le paiement de {Euros.Format(amountCents)} enregistré par {staff} laisse {Euros.Format(Math.Max(left, 0))} à payer, moins que cette demande.",
            now);
        return payment;
    }

    /// <summary>
    /// A payment the provider reports for one of the case's requests (matched before: ids, currency, amount). Recorded once per
    /// request and per provider reference; money the case must not keep is not counted but answered <see cref="OnlinePaymentOutcome.ToRefund"/>.
    /// </summary>
    public OnlinePaymentResult PayOnline(Guid paymentRequestId, string providerReference, DateOnly receivedOn, string recordedBy, DateTimeOffset now)
    {
        var request = RequestOf(paymentRequestId);
        var amount = Euros.Format(request.AmountCents);
        if (payments.Any(p => p.ProviderReference == providerReference))
        {
            return new(OnlinePaymentOutcome.AlreadyRecorded, null, $"Le paiement {providerReference} est déjà enregistré.");
        }

        if (request.Status == PaymentRequestStatus.Paid)
        {
            return new(OnlinePaymentOutcome.ToRefund, null,
                $"La demande était déjà payée : ce second paiement ({providerReference}, {amount}) n'est pas compté ; remboursez-le depuis Stripe.");
        }

        if (request.Status == PaymentRequestStatus.Cancelled)
        {
            return new(OnlinePaymentOutcome.ToRefund, null,
                $"À rembourser : paiement {providerReference} de {amount} reçu pour une demande annulée ({request.CancelReason ?? "sans motif"}) ; il n'est pas compté.");
        }

        if (SettledCents + request.AmountCents > Case.AcceptedTotalCents)
        {
            return new(OnlinePaymentOutcome.ToRefund, null,
                $"À rembourser : paiement {providerReference} de {amount} au-delà du total accepté ({Euros.Format(Case.AcceptedTotalCents)}, "
                + $"déjà {Euros.Format(HeldCents)} reçus) ; il n'est pas compté.");
        }

        var payment = Payment.Online(request, providerReference, receivedOn, recordedBy, now);
        request.MarkPaid(payment.Id, now);
        Receive(payment, now);
        return new(OnlinePaymentOutcome.Recorded, payment, $"Paiement de {amount} enregistré ({providerReference}).");
    }

    /// <summary>What is still to give back at most on a payment: its amount less what was refunded on it.</summary>
    public long RefundableCents(Guid paymentId) =>
        PaymentOf(paymentId).AmountCents - refunds.Where(r => r.PaymentId == paymentId).Sum(r => r.AmountCents);

    /// <summary>
    /// Money given back on one of the case's payments, as the provider reported it: once per provider refund id, never more
    /// than the payment still holds; <c>PaymentRefunded</c> tells it, and an « avoir » corrects the invoice of that money.
    /// When we ordered it (« Rembourser » online), the order is done and the refund carries its purpose and reason.
    /// </summary>
    public Refund RecordRefund(Guid paymentId, string providerRefundId, long amountCents, DateTimeOffset refundedAt, DateTimeOffset now)
    {
        var payment = PaymentOf(paymentId);
        if (refunds.Any(r => r.ProviderRefundId == providerRefundId))
        {
            throw new LedgerRuleException($"Le remboursement {providerRefundId} est déjà enregistré.");
        }

        var refundable = RefundableCents(paymentId);
        if (amountCents <= 0 || amountCents > refundable)
        {
            throw new LedgerRuleException(
                $"Un remboursement de {Euros.Format(amountCents)} sur le paiement {payment.Reference} est impossible : il en reste {Euros.Format(refundable)} à rembourser au plus.");
        }

        var refund = Refund.Of(payment, providerRefundId, amountCents, refundedAt, now);
        var fulfilled = OrdersFulfilledBy(paymentId, providerRefundId, amountCents);
        if (fulfilled.Count > 0)
        {
            refund.Fulfils(fulfilled[0]);
        }

        foreach (var order in fulfilled)
        {
            order.Recorded(refund);
        }

        Refunded(refund, now);
        return refund;
    }

    /// <summary>Why the customer cannot pay this request now (in French, for them), or null when they can.</summary>
    public string? RefusalToPay(Guid paymentRequestId, DateTimeOffset now, Func<DateTimeOffset, string> date)
    {
        var request = RequestOf(paymentRequestId);
        switch (request.Status)
        {
            case PaymentRequestStatus.Paid:
                return "Ce paiement est déjà réglé : merci !";
            case PaymentRequestStatus.Cancelled:
                return "Cette demande de paiement a été annulée : contactez-nous si vous souhaitez régler.";
            case PaymentRequestStatus.Open when request.IsExpiredAt(now):
                return $"Cette demande de paiement a expiré le {date(request.ExpiresAt)} : contactez-nous pour en recevoir une nouvelle.";
        }

        var remaining = Case.AcceptedTotalCents - SettledCents;
        return remaining < request.AmountCents
            ? $"Cette demande ({Euros.Format(request.AmountCents)}) dépasse ce qui reste à payer ({Euros.Format(Math.Max(remaining, 0))}) : "
                + "contactez-nous pour en recevoir une nouvelle."
            : null;
    }

    /// <summary>Every withdrawal goes through here, so that none is left untold: the Dossier service counts the requests still open.</summary>
    private void Cancel(PaymentRequest request, string reason, DateTimeOffset now)
    {
        request.Cancel(reason, now);
        events.Add(new PaymentRequestWithdrawn
        {
            OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id, PaymentRequestId = request.Id, Reason = reason,
        });
    }

    private PaymentRequest RequestOf(Guid paymentRequestId) =>
        requests.SingleOrDefault(r => r.Id == paymentRequestId)
        ?? throw new LedgerRuleException($"La demande de paiement {paymentRequestId} n'appartient pas à ce dossier.");

    private Payment PaymentOf(Guid paymentId) =>
        payments.SingleOrDefault(p => p.Id == paymentId)
        ?? throw new LedgerRuleException($"Le paiement {paymentId} n'appartient pas à ce dossier.");

    private void RequireLiveQuote(string what, string where)
    {
        if (Case.AcceptedQuoteId is null)
        {
            throw new LedgerRuleException($"Ce dossier n'a pas de devis accepté : {what}.");
        }

        if (Case.IsCancelled)
        {
            throw new LedgerRuleException($"Le dossier est annulé : {what}.");
        }

        if (Case.AcceptedQuoteVoided)
        {
            throw new LedgerRuleException($"Le devis {Case.QuoteNumber} est annulé : {what} {where}.");
        }
    }

    private void Receive(Payment payment, DateTimeOffset now)
    {
        payments.Add(payment);
        added.Add(payment);
        events.Add(new PaymentReceived
        {
            OrganisationId = payment.OrganisationId, OccurredAt = now, RequestId = payment.RequestId, PaymentId = payment.Id, QuoteId = payment.QuoteId,
            AmountCents = payment.AmountCents, Kind = payment.Kind.ToString(), PaidCents = SettledCents, AcceptedTotalCents = Case.AcceptedTotalCents,
            Method = payment.Method.ToString(), PaymentRequestId = payment.PaymentRequestId, ReceivedOn = payment.ReceivedOn,
        });
        InvoiceReceived(payment, now);
        if (RemainingCents == 0 && Case.ClearOverdue())
        {
            // Settled: the board's « En retard » goes at once, not at the schedule's next pass.
            events.Add(new PaymentOverdueCleared { OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id });
        }
    }

    private bool NotOfThisCase(object row) => row switch
    {
        PaymentRequest r => r.RequestId != Case.Id,
        Payment p => p.RequestId != Case.Id,
        Refund r => r.RequestId != Case.Id,
        Invoice i => i.RequestId != Case.Id,
        RefundOrder o => o.RequestId != Case.Id,
        _ => true,
    };
}
