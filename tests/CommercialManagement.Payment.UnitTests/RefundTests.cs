using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>
/// « Rembourser » on the ledger (issue 16, part 3): a commercial gesture or an overpayment given back alone, offline at once or
/// through the provider (an order, recorded when the provider reports it), and the refunds of a cancellation made online.
/// </summary>
public sealed class RefundTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly RefundInstruction Online = RefundInstruction.ThroughProvider(Today);

    [Fact]
    public void Goodwill_Offline_IsRecordedAtOnce_CreditsTheFinalInvoice_AndTheCustomerOwesItNoMore()
    {
        var ledger = PaidOnline(arrivalInDays: 40);
        var payment = ledger.Payments[^1];

        var order = ledger.GiveBack(RefundPurpose.Goodwill, payment.Id, 5_000, "Piscine fermée deux jours", new(PaymentMethod.BankTransfer, "VIR-GESTE", Today), "Agent", Now);

        Assert.Null(order);
        var refund = Assert.Single(ledger.Refunds);
        Assert.Equal((5_000L, RefundPurpose.Goodwill, "Piscine fermée deux jours", PaymentMethod.BankTransfer), (refund.AmountCents, refund.Purpose!.Value, refund.Reason, refund.Method!.Value));
        Assert.Equal((95_000L, 5_000L, 100_000L, 0L), (ledger.HeldCents, ledger.GoodwillCents, ledger.SettledCents, ledger.RemainingCents));
        var avoir = Assert.Single(ledger.Unnumbered);
        Assert.Equal((InvoiceKind.CreditNote, 5_000L, ledger.FinalInvoice!.Id, "Geste commercial : Piscine fermée deux jours"),
            (avoir.Kind, avoir.AmountCents, avoir.CorrectsInvoiceId!.Value, avoir.Content.Reason));
        Assert.Single(ledger.TakeChanges().Events.OfType<PaymentRefunded>());
        Assert.All(ledger.Options(30_000, Now), o => Assert.False(o.Allowed));
    }

    [Fact]
    public void Goodwill_Online_IsAnOrder_NothingRecordedUntilTheProviderReportsIt_ThenItsPurposeAndCreditNote()
    {
        var ledger = PaidOnline(arrivalInDays: 40);
        var payment = ledger.Payments[^1];

        var order = ledger.GiveBack(RefundPurpose.Goodwill, payment.Id, 5_000, "Piscine fermée", Online, "Agent", Now)!;

        Assert.Equal((RefundOrderStatus.ToSend, "Stripe", payment.ProviderReference, 5_000L, Now), (order.Status, order.Provider, order.PaymentIntent, order.AmountCents, order.SendAt));
        Assert.Equal($"refund-{order.Id:N}", order.IdempotencyKey);
        Assert.Empty(ledger.Refunds);
        Assert.Empty(ledger.Unnumbered);
        Assert.Equal(65_000L, ledger.GivableCents(payment.Id));
        var (rows, events) = ledger.TakeChanges();
        Assert.Same(order, Assert.Single(rows));
        Assert.Empty(events);

        // The provider reports it without the refund's id (the charge's refunded total): matched by the amount.
        var refund = ledger.RecordRefund(payment.Id, "ch_1:5000", 5_000, Now, Now);

        Assert.Equal((RefundOrderStatus.Done, refund.Id), (order.Status, order.RefundId!.Value));
        Assert.Equal((RefundPurpose.Goodwill, "Piscine fermée", "Agent"), (refund.Purpose!.Value, refund.Reason, refund.RecordedBy));
        Assert.Equal("Geste commercial : Piscine fermée", Assert.Single(ledger.Unnumbered).Content.Reason);
        Assert.Equal(0L, ledger.RemainingCents);
    }

    [Fact]
    public void AReportNamingAnotherRefund_DoesNotFulfilTheOrder_ItsIdDoes()
    {
        var ledger = PaidOnline(arrivalInDays: 40);
        var payment = ledger.Payments[^1];
        var order = ledger.GiveBack(RefundPurpose.Goodwill, payment.Id, 5_000, "Geste", Online, "Agent", Now)!;
        order.Acknowledged("re_ours", Now);

        var dashboard = ledger.RecordRefund(payment.Id, "re_dashboard", 5_000, Now, Now);
        Assert.Equal((RefundOrderStatus.Sent, (RefundPurpose?)null), (order.Status, dashboard.Purpose));
        Assert.Equal("Remboursement", ledger.Unnumbered.Single().Content.Reason);

        var ours = ledger.RecordRefund(payment.Id, "re_ours", 5_000, Now, Now);
        Assert.Equal((RefundOrderStatus.Done, ours.Id), (order.Status, order.RefundId!.Value));
    }

    [Fact]
    public void NeverMoreThanThePaymentStillHolds_OrdersOnTheirWayCounted()
    {
        var ledger = PaidOnline(arrivalInDays: 40);
        var payment = ledger.Payments[^1];
        ledger.GiveBack(RefundPurpose.Goodwill, payment.Id, 60_000, "Geste", Online, "Agent", Now);

        var refused = Assert.Throws<LedgerRuleException>(() =>
            ledger.GiveBack(RefundPurpose.Goodwill, payment.Id, 10_001, "Encore", Online, "Agent", Now));

        Assert.Equal("amountCents", refused.Field);
        Assert.Contains("100,00", refused.Message.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_NoReason_NoAmount_OfflinePaymentOnline_TransferWithoutReference_NoSurplus_CancelledCase()
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(40));
        var cheque = ledger.RecordOffline(30_000, PaymentMethod.Cheque, "CHQ-1", Today, "Agent", Now);

        Assert.Equal("reason", Refused(() => ledger.GiveBack(RefundPurpose.Goodwill, cheque.Id, 1_000, " ", Online, "Agent", Now)).Field);
        Assert.Equal("amountCents", Refused(() => ledger.GiveBack(RefundPurpose.Goodwill, cheque.Id, 0, "Geste", Online, "Agent", Now)).Field);
        Assert.Equal("method", Refused(() => ledger.GiveBack(RefundPurpose.Goodwill, cheque.Id, 1_000, "Geste", Online, "Agent", Now)).Field);
        Assert.Equal("reference", Refused(() =>
            ledger.GiveBack(RefundPurpose.Goodwill, cheque.Id, 1_000, "Geste", new(PaymentMethod.BankTransfer, "", Today), "Agent", Now)).Field);
        var noSurplus = Refused(() => ledger.GiveBack(RefundPurpose.Overpayment, cheque.Id, 1_000, "Trop payé", new(PaymentMethod.Cash, "", Today), "Agent", Now));
        Assert.StartsWith("Rien n'a été trop perçu", noSurplus.Message, StringComparison.Ordinal);
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBack(RefundPurpose.Cancellation, cheque.Id, 1_000, "Annulé", new(PaymentMethod.Cash, "", Today), "Agent", Now));
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBack(RefundPurpose.Goodwill, Guid.NewGuid(), 1_000, "Geste", new(PaymentMethod.Cash, "", Today), "Agent", Now));
        Assert.Empty(ledger.Refunds);

        ledger.Cancel(CancellationRequestedBy.Customer, "Empêché", 30_000, null, null, null, "Agent", Today, Now);
        Assert.Null(Refused(() => ledger.GiveBack(RefundPurpose.Goodwill, cheque.Id, 1_000, "Geste", new(PaymentMethod.Cash, "", Today), "Agent", Now)).Field);
    }

    [Fact]
    public void Cancellation_RefundedOnline_OrdersTheRefundOnTheOnlinePayments_LatestFirst_AndRecordsNothingYet()
    {
        var ledger = PaidOnline(arrivalInDays: 20);

        var done = ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, null, null, Online, "Agent", Today, Now);

        Assert.Equal((50_000L, 50_000L), (done.KeptCents, done.RefundCents));
        Assert.Empty(ledger.Refunds);
        var order = Assert.Single(ledger.RefundOrders);
        Assert.Equal((ledger.Payments[^1].Id, 50_000L, RefundPurpose.Cancellation, "Annulation du dossier : Jambe cassée"),
            (order.PaymentId!.Value, order.AmountCents, order.Purpose, order.Reason));
        var credited = ledger.Unnumbered.Count(i => i.Kind == InvoiceKind.CreditNote);

        ledger.RecordRefund(order.PaymentId!.Value, "re_1", 50_000, Now, Now);

        Assert.Equal(RefundOrderStatus.Done, order.Status);
        Assert.Equal(credited, ledger.Unnumbered.Count(i => i.Kind == InvoiceKind.CreditNote));
    }

    [Fact]
    public void Cancellation_RefundedOnline_IsRefused_WhenTheOnlinePaymentsCannotGiveItAllBack()
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(20));
        ledger.RecordOffline(100_000, PaymentMethod.Cheque, "CHQ-1", Today, "Agent", Now);

        var refused = Refused(() => ledger.Cancel(CancellationRequestedBy.Customer, "Empêché", 30_000, null, null, Online, "Agent", Today, Now));

        Assert.Equal("refund.method", refused.Field);
        Assert.False(ledger.Case.IsCancelled);
        Assert.Empty(ledger.RefundOrders);
    }

    [Fact]
    public void Cancellation_RefusedOnline_IsGivenBackOffline_ByRembourser_NoMoreThanWasRefused()
    {
        var ledger = PaidOnline(arrivalInDays: 20);
        ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, null, null, Online, "Agent", Today, Now);
        var order = Assert.Single(ledger.RefundOrders);
        Assert.Equal(0L, ledger.CancellationRefundDueCents);

        order.Refuse("Stripe a refusé le remboursement : carte expirée.", Now.AddMinutes(1));

        Assert.Equal(50_000L, ledger.CancellationRefundDueCents);
        var byTransfer = new RefundInstruction(PaymentMethod.BankTransfer, "VIR-REMB-7", Today);
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBack(RefundPurpose.Goodwill, order.PaymentId!.Value, 1_000, "Geste", byTransfer, "Agent", Now.AddMinutes(2)));
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBack(RefundPurpose.Cancellation, order.PaymentId!.Value, 50_000, "Annulation", Online, "Agent", Now.AddMinutes(2)));
        Assert.Equal("amountCents", Refused(() => ledger.GiveBack(RefundPurpose.Cancellation, order.PaymentId!.Value, 50_001, "Annulation", byTransfer, "Agent", Now.AddMinutes(2))).Field);

        ledger.GiveBack(RefundPurpose.Cancellation, order.PaymentId!.Value, 50_000, "Carte expirée : remboursé par virement", byTransfer, "Agent", Now.AddMinutes(2));

        Assert.Equal((0L, 50_000L), (ledger.CancellationRefundDueCents, ledger.RefundedCents));
        Assert.DoesNotContain(ledger.Unnumbered, i => i.Kind == InvoiceKind.CreditNote && i.Content.Reason?.StartsWith("Remboursement", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ARefundOnItsWay_IsNotCountedAgain_WhenTheCaseIsCancelled()
    {
        var ledger = PaidOnline(arrivalInDays: 20);
        ledger.GiveBack(RefundPurpose.Goodwill, ledger.Payments[^1].Id, 5_000, "Geste", Online, "Agent", Now);

        var done = ledger.Cancel(CancellationRequestedBy.Customer, "Empêché", 30_000, null, null, Online, "Agent", Today, Now);

        Assert.Equal((95_000L, 50_000L, 45_000L), (done.HeldCents, done.KeptCents, done.RefundCents));
        Assert.Equal(50_000L, ledger.RefundOrders.Sum(o => o.AmountCents));
        Assert.Equal(50_000L, ledger.GivableOnlineCents);
    }

    [Fact]
    public void APaymentNotCounted_IsGivenBackWhole_Once_AndChangesNothingTheCaseHolds()
    {
        var ledger = PaidOnline(arrivalInDays: 40);

        var order = ledger.GiveBackUncounted("pi_twice", 30_000, "Stripe", "Agent", Now);

        Assert.Equal(((Guid?)null, "pi_twice", 30_000L, RefundOrderStatus.ToSend), (order.PaymentId, order.PaymentIntent, order.AmountCents, order.Status));
        Assert.Equal((0L, 0L, 100_000L), (ledger.OutstandingRefundCents, ledger.SurplusCents, ledger.GivableOnlineCents));
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBackUncounted("pi_twice", 30_000, "Stripe", "Agent", Now));
        Assert.Throws<LedgerRuleException>(() => ledger.GiveBackUncounted("pi_1", 30_000, "Stripe", "Agent", Now));
        order.Refuse("Stripe a refusé le remboursement.", Now);
        Assert.NotNull(ledger.GiveBackUncounted("pi_twice", 30_000, "Stripe", "Agent", Now));
    }

    /// <summary>A deposit of 300 € and the balance of 700 €, both paid online through Stripe; both invoices numbered.</summary>
    private static CaseLedger PaidOnline(int arrivalInDays)
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(arrivalInDays));
        var deposit = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now.AddDays(-2), TimeSpan.FromDays(7));
        deposit.AttachSession("Stripe", "cs_1", "https://checkout.stripe.test/cs_1", Now.AddDays(-1));
        ledger.PayOnline(deposit.Id, "pi_1", Today, "Stripe", Now.AddDays(-2));
        ledger.Number(ledger.Invoices[0], 1, Now.AddDays(-2));
        var balance = ledger.Ask(PaymentKind.Balance, 30_000, "Agent", Now.AddDays(-1), TimeSpan.FromDays(7));
        balance.AttachSession("Stripe", "cs_2", "https://checkout.stripe.test/cs_2", Now);
        ledger.PayOnline(balance.Id, "pi_2", Today, "Stripe", Now.AddDays(-1));
        ledger.Number(ledger.FinalInvoice!, 2, Now.AddDays(-1));
        _ = ledger.TakeChanges();
        return ledger;
    }

    private static LedgerRuleException Refused(Action move) => Assert.Throws<LedgerRuleException>(move);
}
