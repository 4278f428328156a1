using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>Every move of a case's ledger, and every move it refuses (issue 16, part 1).</summary>
public sealed class CaseLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Ask_TheDeposit_OpensARequestForIt_AndTellsIt()
    {
        var ledger = Ledger(100_000);

        var request = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);

        Assert.Equal(30_000, request.AmountCents);
        Assert.Equal(PaymentRequestStatus.Open, request.Status);
        Assert.Equal(Now + Week, request.ExpiresAt);
        var (rows, events) = ledger.TakeChanges();
        Assert.Same(request, Assert.Single(rows));
        var requested = Assert.IsType<PaymentRequested>(Assert.Single(events));
        Assert.Equal((request.Id, 30_000L, 100_000L, 0L), (requested.PaymentRequestId, requested.AmountCents, requested.AcceptedTotalCents, requested.PaidCents));
        Assert.Empty(ledger.TakeChanges().Rows);
    }

    [Fact]
    public void Ask_TheSameKindTwice_IsRefused_AndNothingIsAdded()
    {
        var ledger = Ledger(100_000);
        ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);
        _ = ledger.TakeChanges();

        var refused = Assert.Throws<LedgerRuleException>(() => ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week));

        Assert.Equal("Une demande d'acompte est déjà en attente (300,00 €) : annulez-la pour en envoyer une nouvelle.", refused.Message);
        Assert.Empty(ledger.TakeChanges().Rows);
        Assert.Single(ledger.Requests);
    }

    [Fact]
    public void Ask_WithoutAnAcceptedQuote_OrOnAVoidedOne_IsRefused()
    {
        var none = new CaseLedger(PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid()), [], [], []);
        var voided = Ledger(100_000);
        voided.Case.Void(voided.Case.AcceptedQuoteId!.Value);

        Assert.StartsWith("Ce dossier n'a pas de devis accepté", Assert.Throws<LedgerRuleException>(() => none.Ask(PaymentKind.Full, 0, "Agent", Now, Week)).Message);
        Assert.StartsWith("Le devis DEV-2026-00042 est annulé", Assert.Throws<LedgerRuleException>(() => voided.Ask(PaymentKind.Full, 0, "Agent", Now, Week)).Message);
    }

    [Fact]
    public void Withdraw_AnOpenRequest_CancelsIt_ButNotTwice_NorAPaidOne()
    {
        var ledger = Ledger(100_000);
        var deposit = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);
        var whole = Ledger(100_000);
        var full = whole.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);
        whole.PayOnline(full.Id, "pi_1", Today, "Stripe", Now);

        ledger.Withdraw(deposit.Id, "Annulée par Agent.", Now);

        Assert.Equal((PaymentRequestStatus.Cancelled, "Annulée par Agent."), (deposit.Status, deposit.CancelReason));
        Assert.Equal("Cette demande est déjà annulée.", Assert.Throws<LedgerRuleException>(() => ledger.Withdraw(deposit.Id, "encore", Now)).Message);
        Assert.Equal("Cette demande est déjà payée : elle ne peut plus être annulée.", Assert.Throws<LedgerRuleException>(() => whole.Withdraw(full.Id, "x", Now)).Message);
        Assert.Throws<LedgerRuleException>(() => ledger.Withdraw(full.Id, "pas de ce dossier", Now));
    }

    [Fact]
    public void RecordOffline_TheDepositThenTheBalance_KindsFollow_AndWhatRemains()
    {
        var ledger = Ledger(100_000);

        var deposit = ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var balance = ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);

        Assert.Equal((PaymentKind.Deposit, PaymentKind.Balance), (deposit.Kind, balance.Kind));
        Assert.Equal((100_000L, 0L), (ledger.HeldCents, ledger.RemainingCents));
        var received = ledger.TakeChanges().Events.OfType<PaymentReceived>().ToList();
        Assert.Equal([30_000L, 100_000L], received.Select(e => e.PaidCents));
    }

    [Fact]
    public void RecordOffline_AboveWhatRemains_IsRefusedOnTheAmount()
    {
        var ledger = Ledger(100_000);
        ledger.RecordOffline(80_000, PaymentMethod.Cash, "", Today, "Agent", Now);

        var refused = Assert.Throws<LedgerRuleException>(() => ledger.RecordOffline(20_001, PaymentMethod.Cash, "", Today, "Agent", Now));

        Assert.Equal(("Le montant dépasse le reste à payer (200,00 €).", "amountCents"), (refused.Message, refused.Field));
        Assert.Single(ledger.Payments);
        Assert.Equal("amountCents", Assert.Throws<LedgerRuleException>(() => ledger.RecordOffline(0, PaymentMethod.Cash, "", Today, "Agent", Now)).Field);
    }

    [Fact]
    public void RecordOffline_WithdrawsTheOpenRequestsThatNoLongerFit()
    {
        var ledger = Ledger(100_000);
        var full = ledger.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);

        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);

        Assert.Equal(PaymentRequestStatus.Cancelled, full.Status);
        Assert.Equal("Annulée : le paiement de 300,00 € enregistré par Agent laisse 700,00 € à payer, moins que cette demande.", full.CancelReason);
    }

    [Fact]
    public void PayOnline_RecordsOncePerRequest_TheSecondPaymentIsToRefund()
    {
        var ledger = Ledger(100_000);
        var deposit = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);

        var first = ledger.PayOnline(deposit.Id, "pi_1", Today, "Stripe", Now);
        var again = ledger.PayOnline(deposit.Id, "pi_1", Today, "Stripe", Now);
        var second = ledger.PayOnline(deposit.Id, "pi_2", Today, "Stripe", Now);

        Assert.Equal(OnlinePaymentOutcome.Recorded, first.Outcome);
        Assert.Equal((PaymentRequestStatus.Paid, first.Payment!.Id), (deposit.Status, deposit.PaymentId!.Value));
        Assert.Equal(OnlinePaymentOutcome.AlreadyRecorded, again.Outcome);
        Assert.Equal(OnlinePaymentOutcome.ToRefund, second.Outcome);
        Assert.Equal(30_000, ledger.HeldCents);
    }

    [Fact]
    public void PayOnline_AWithdrawnRequest_OrAboveTheTotal_IsToRefund_AndNotCounted()
    {
        var ledger = Ledger(100_000);
        var full = ledger.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);
        var withdrawn = Ledger(100_000);
        var deposit = withdrawn.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);
        withdrawn.Withdraw(deposit.Id, "Annulée par Agent.", Now);
        ledger.RecordOffline(10_000, PaymentMethod.Cash, "", Today, "Agent", Now); // withdraws the whole: it no longer fits
        var stale = Ledger(100_000);
        var whole = stale.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);
        stale.Case.Accept(Accepted(stale.Case, 50_000, Now));

        Assert.StartsWith("À rembourser : paiement pi_9 de 300,00 € reçu pour une demande annulée (Annulée par Agent.)",
            withdrawn.PayOnline(deposit.Id, "pi_9", Today, "Stripe", Now).Note);
        Assert.Equal(OnlinePaymentOutcome.ToRefund, ledger.PayOnline(full.Id, "pi_8", Today, "Stripe", Now).Outcome);
        Assert.StartsWith("À rembourser : paiement pi_7 de 1 000,00 € au-delà du total accepté (500,00 €",
            stale.PayOnline(whole.Id, "pi_7", Today, "Stripe", Now).Note.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal(0, withdrawn.HeldCents);
        Assert.Equal(0, stale.HeldCents);
    }

    [Fact]
    public void RecordRefund_NeverMoreThanThePaymentStillHolds_NorTheSameRefundTwice()
    {
        var ledger = Ledger(100_000);
        var payment = ledger.RecordOffline(30_000, PaymentMethod.Card, "", Today, "Agent", Now);

        var refund = ledger.RecordRefund(payment.Id, "re_1", 10_000, Now, Now);

        Assert.Equal((10_000L, 20_000L, 20_000L, 80_000L), (refund.AmountCents, ledger.RefundableCents(payment.Id), ledger.HeldCents, ledger.RemainingCents));
        Assert.Throws<LedgerRuleException>(() => ledger.RecordRefund(payment.Id, "re_1", 1_000, Now, Now));
        Assert.Throws<LedgerRuleException>(() => ledger.RecordRefund(payment.Id, "re_2", 20_001, Now, Now));
        Assert.Throws<LedgerRuleException>(() => ledger.RecordRefund(payment.Id, "re_3", 0, Now, Now));
        Assert.Throws<LedgerRuleException>(() => ledger.RecordRefund(Guid.NewGuid(), "re_4", 1_000, Now, Now));
        Assert.IsType<PaymentRefunded>(ledger.TakeChanges().Events.Last());
    }

    [Fact]
    public void RefusalToPay_TellsTheCustomerWhy()
    {
        var ledger = Ledger(100_000);
        var deposit = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);
        var full = Ledger(100_000);
        var whole = full.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);
        full.RecordOffline(1, PaymentMethod.Cash, "", Today, "Agent", Now);

        Assert.Null(ledger.RefusalToPay(deposit.Id, Now, _ => "?"));
        Assert.Equal("Cette demande de paiement a expiré le 11/12 : contactez-nous pour en recevoir une nouvelle.",
            ledger.RefusalToPay(deposit.Id, Now + Week, _ => "11/12"));
        Assert.Equal("Cette demande de paiement a été annulée : contactez-nous si vous souhaitez régler.", full.RefusalToPay(whole.Id, Now, _ => "?"));
        ledger.PayOnline(deposit.Id, "pi_1", Today, "Stripe", Now);
        Assert.Equal("Ce paiement est déjà réglé : merci !", ledger.RefusalToPay(deposit.Id, Now, _ => "?"));
    }

    [Fact]
    public void ALedger_HoldsItsOwnCaseOnly()
    {
        var ledger = Ledger(100_000);
        var other = Ledger(100_000);
        var foreign = other.RecordOffline(1_000, PaymentMethod.Cash, "", Today, "Agent", Now);

        Assert.Throws<ArgumentException>(() => new CaseLedger(ledger.Case, [], [foreign], []));
    }

    [Fact]
    public void WrongMovesOfARequest_AreRefused_NotIgnored()
    {
        var ledger = Ledger(100_000);
        var deposit = ledger.Ask(PaymentKind.Deposit, 30_000, "Agent", Now, Week);
        deposit.AttachSession("Sandbox", "cs_1", "https://example.test/cs_1", Now.AddHours(1));

        Assert.Throws<LedgerRuleException>(() => deposit.SessionEnded("cs_other", null));
        deposit.MarkPaid(Guid.NewGuid(), Now);
        Assert.Throws<LedgerRuleException>(() => deposit.MarkPaid(Guid.NewGuid(), Now));
        Assert.Throws<LedgerRuleException>(() => deposit.SessionEnded("cs_1", null));
        Assert.Throws<LedgerRuleException>(() => deposit.Cancel("trop tard", Now));
    }

    private static CaseLedger Ledger(long totalCents)
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(Accepted(account, totalCents, Now.AddDays(-1)));
        return new CaseLedger(account, [], [], []);
    }

    private static QuoteAccepted Accepted(PaymentCase account, long totalCents, DateTimeOffset at) => new()
    {
        OrganisationId = account.OrganisationId, OccurredAt = at, RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00042",
        TotalCents = totalCents, AcceptedBy = "Staff", Version = 1,
    };
}
