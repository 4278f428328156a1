using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>« Annuler le dossier » on the ledger (issue 16, part 3): the terms applied, the sale credited, the indemnity, the refund, the refusals.</summary>
public sealed class CancellationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly RefundInstruction ByTransfer = new(PaymentMethod.BankTransfer, "VIR-REMB-1", Today);

    [Theory]
    [InlineData(40, 30_000L, "Annulation 31 jours ou plus avant l'arrivée : l'acompte est retenu.")]
    [InlineData(31, 30_000L, "Annulation 31 jours ou plus avant l'arrivée : l'acompte est retenu.")]
    [InlineData(30, 50_000L, "Annulation de 8 à 30 jours avant l'arrivée : 50 % du montant total est retenu.")]
    [InlineData(8, 50_000L, "Annulation de 8 à 30 jours avant l'arrivée : 50 % du montant total est retenu.")]
    [InlineData(7, 100_000L, "Annulation moins de 8 jours avant l'arrivée : 100 % du montant total est retenu.")]
    [InlineData(-2, 100_000L, "Annulation moins de 8 jours avant l'arrivée : 100 % du montant total est retenu.")]
    public void Preview_TheDefaultTerms_RetainByTheDaysLeft(int days, long retained, string rule)
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(days));
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);

        var preview = ledger.PreviewCancellation(30_000, Today);

        Assert.Equal((days, retained, 30_000L, Math.Min(retained, 30_000L), 30_000L - Math.Min(retained, 30_000L), rule),
            (preview.DaysBeforeArrival, preview.TermsRetainedCents, preview.HeldCents, preview.KeptCents, preview.RefundCents, preview.Rule));
    }

    [Fact]
    public void PaidInFull_CancelledAt20Days_CreditsTheFinalInvoice_InvoicesHalf_AndRefundsTheOtherHalf()
    {
        var ledger = PaidInFull(arrivalInDays: 20);

        var done = ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, null, null, ByTransfer, "Agent", Today, Now);

        Assert.Equal((50_000L, 50_000L), (done.KeptCents, done.RefundCents));
        Assert.True(ledger.Case.IsCancelled);
        var drafts = ledger.Unnumbered;
        var avoir = Assert.Single(drafts, d => d.Kind == InvoiceKind.CreditNote);
        Assert.Equal((100_000L, ledger.FinalInvoice!.Id, "Annulation du dossier"), (avoir.AmountCents, avoir.CorrectsInvoiceId!.Value, avoir.Content.Reason));
        var fee = Assert.Single(drafts, d => d.Kind == InvoiceKind.CancellationFee);
        Assert.Equal((50_000L, 0, 0L), (fee.AmountCents, fee.Content.Lines.Single().VatRateBasisPoints, fee.Content.VatCents));
        Assert.Equal("Indemnité d'annulation : devis DEV-2026-00042, annulé 20 jours avant l'arrivée", fee.Content.Lines.Single().Label);
        var refund = Assert.Single(ledger.Refunds);
        Assert.Equal((50_000L, PaymentMethod.BankTransfer, "VIR-REMB-1", (string?)null), (refund.AmountCents, refund.Method!.Value, refund.Reference, refund.ProviderRefundId));
        Assert.Equal(ledger.Payments[1].Id, refund.PaymentId);
        var (_, events) = ledger.TakeChanges();
        var cancelled = Assert.Single(events.OfType<CaseCancelled>());
        Assert.Equal(("Customer", "Jambe cassée", 20, 50_000L, 50_000L, (string?)null), (cancelled.RequestedBy, cancelled.Reason, cancelled.DaysBeforeArrival, cancelled.RetainedCents, cancelled.RefundCents, cancelled.OverrideReason));
        Assert.Single(events.OfType<PaymentRefunded>());
    }

    [Fact]
    public void DepositOnly_CancelledAt40Days_CreditsTheDepositInvoice_AndKeepsTheDeposit_WithNothingToRefund()
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(40));
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);

        var done = ledger.Cancel(CancellationRequestedBy.Organisation, "Chalet indisponible", 30_000, null, null, null, "Agent", Today, Now);

        Assert.Equal((30_000L, 0L), (done.KeptCents, done.RefundCents));
        Assert.Equal([(InvoiceKind.CreditNote, 30_000L), (InvoiceKind.CancellationFee, 30_000L)], ledger.Unnumbered.Select(d => (d.Kind, d.AmountCents)));
        Assert.Empty(ledger.Refunds);
    }

    [Fact]
    public void AnAdmin_KeepsAnotherAmount_WithItsReason_NeverAboveWhatWasReceived()
    {
        var ledger = PaidInFull(arrivalInDays: 20);

        Assert.Equal("overrideReason", Assert.Throws<LedgerRuleException>(() =>
            ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, 0, null, ByTransfer, "Admin", Today, Now)).Field);
        Assert.Equal("retainedCents", Assert.Throws<LedgerRuleException>(() =>
            ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, 100_001, "Geste", ByTransfer, "Admin", Today, Now)).Field);
        var done = ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, 0, "Geste commercial : client fidèle", ByTransfer, "Admin", Today, Now);

        Assert.Equal((0L, 100_000L), (done.KeptCents, done.RefundCents));
        Assert.DoesNotContain(ledger.Unnumbered, d => d.Kind == InvoiceKind.CancellationFee);
        Assert.Equal(100_000L, ledger.RefundedCents);
        Assert.Equal("Geste commercial : client fidèle", Assert.Single(ledger.TakeChanges().Events.OfType<CaseCancelled>()).OverrideReason);
    }

    [Fact]
    public void Cancel_IsRefused_WithoutAReason_WithoutHowToRefund_Twice_AndTheCaseTakesNoMoneyAfter()
    {
        var ledger = PaidInFull(arrivalInDays: 20);

        Assert.Equal("reason", Assert.Throws<LedgerRuleException>(() => ledger.Cancel(CancellationRequestedBy.Customer, " ", 30_000, null, null, ByTransfer, "Agent", Today, Now)).Field);
        Assert.Equal("refund", Assert.Throws<LedgerRuleException>(() => ledger.Cancel(CancellationRequestedBy.Customer, "x", 30_000, null, null, null, "Agent", Today, Now)).Field);
        Assert.Equal("refund.reference", Assert.Throws<LedgerRuleException>(() =>
            ledger.Cancel(CancellationRequestedBy.Customer, "x", 30_000, null, null, ByTransfer with { Reference = "" }, "Agent", Today, Now)).Field);
        Assert.False(ledger.Case.IsCancelled);
        ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, null, null, ByTransfer, "Agent", Today, Now);

        Assert.StartsWith("Le dossier est déjà annulé", Assert.Throws<LedgerRuleException>(() => ledger.PreviewCancellation(30_000, Today)).Message);
        Assert.StartsWith("Le dossier est annulé", Assert.Throws<LedgerRuleException>(() => ledger.RecordOffline(100, PaymentMethod.Cash, "", Today, "Agent", Now)).Message);
        Assert.Equal("Le dossier est annulé : aucune demande de paiement ne peut être envoyée.", Assert.Throws<LedgerRuleException>(() => ledger.Ask(PaymentKind.Balance, 0, "Agent", Now, TimeSpan.FromDays(7))).Message);
    }

    [Fact]
    public void ARefundReportedAfterTheCancellation_GetsNoOtherAvoir()
    {
        var ledger = PaidInFull(arrivalInDays: 20);
        ledger.Cancel(CancellationRequestedBy.Customer, "Jambe cassée", 30_000, null, null, ByTransfer, "Agent", Today, Now);
        var before = ledger.Invoices.Count;

        ledger.RecordRefund(ledger.Payments[0].Id, "re_1", 10_000, Now, Now);

        Assert.Equal(before, ledger.Invoices.Count);
    }

    private static CaseLedger PaidInFull(int arrivalInDays)
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(arrivalInDays));
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);
        ledger.Number(ledger.FinalInvoice!, 2, Now);
        _ = ledger.TakeChanges();
        return ledger;
    }
}
