using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>The moves events make, in order, late, repeated or out of order.</summary>
public sealed class EventMoveTests
{
    [Fact]
    public void Request_BecomesANewDossierWithItsFirstService_NotBefore()
    {
        var dossier = Cases.Request();

        dossier.QuoteChanged(Cases.Quote, 0, 0, Cases.At(1));
        Assert.Equal(DossierStatus.Request, dossier.Status);
        var history = dossier.QuoteChanged(Cases.Quote, 1, 45_000, Cases.At(2));

        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Equal((DossierStatus.Request, DossierStatus.New), (history.Single().From!.Value, history.Single().To!.Value));
    }

    [Fact]
    public void Exchanges_MoveANewDossierInProgress_Once()
    {
        var dossier = Cases.In(DossierStatus.New);

        var first = dossier.StaffMessageSent("Lucas Girard", Cases.At(5));
        var second = dossier.QuoteSent(Cases.Quote, "OT-2026-0001", Cases.Total, Cases.At(6));

        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        Assert.Single(first, h => h.To == DossierStatus.InProgress);
        Assert.DoesNotContain(second, h => h.To is not null);
        Assert.Equal("OT-2026-0001", dossier.QuoteNumber);
    }

    [Fact]
    public void QuoteSent_WritesOneHistoryLine_TheMoveWhenItMoves_TheFactWhenItStays()
    {
        var dossier = Cases.In(DossierStatus.New);

        var moved = dossier.QuoteSent(Cases.Quote, "OT-2026-0001", Cases.Total, Cases.At(5));
        var again = dossier.QuoteSent(Cases.Quote, "OT-2026-0001", Cases.Total, Cases.At(6));

        var move = Assert.Single(moved);
        Assert.Equal((DossierStatus.New, DossierStatus.InProgress), (move.From!.Value, move.To!.Value));
        Assert.StartsWith("Devis OT-2026-0001 envoyé au client", move.What, StringComparison.Ordinal);
        Assert.Null(Assert.Single(again).To);
    }

    [Fact]
    public void Payments_DepositThenBalance_MoveThroughDepositPaidToPaidInFull_AndARepeatedPaymentCountsOnce()
    {
        var dossier = Cases.In(DossierStatus.AwaitingPayment);
        var deposit = Guid.NewGuid();

        Cases.Pay(dossier, 36_000, Cases.At(10), deposit);
        Assert.Equal(DossierStatus.DepositPaid, dossier.Status);
        var repeated = dossier.PaymentRecorded(DossierPayment.Of(dossier, deposit, 36_000, Cases.At(10)), alreadyCounted: true);
        Assert.Empty(repeated);
        Cases.Pay(dossier, 84_000, Cases.At(11));

        Assert.Equal(DossierStatus.PaidInFull, dossier.Status);
        Assert.Equal(Cases.Total, dossier.PaidCents);
    }

    [Fact]
    public void PaymentBeforeTheAcceptanceArrives_CountsWhenTheAcceptanceDoes()
    {
        var dossier = Cases.In(DossierStatus.InProgress);

        Cases.Pay(dossier, 36_000, Cases.At(10));
        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        dossier.QuoteAccepted(Cases.Quote, "OT-2026-0001", Cases.Total, "Customer", Cases.At(9));

        Assert.Equal(DossierStatus.DepositPaid, dossier.Status);
    }

    [Fact]
    public void LateEvents_NeverMoveADossierBackwards()
    {
        var dossier = Cases.In(DossierStatus.PaidInFull);

        dossier.QuoteChanged(Cases.Quote, 1, Cases.Total, Cases.At(0));
        dossier.StaffMessageSent("Lucas Girard", Cases.At(1));
        dossier.QuoteSent(Cases.Quote, "OT-2026-0001", Cases.Total, Cases.At(2));
        dossier.QuoteAccepted(Cases.Quote, "OT-2026-0001", Cases.Total, "Customer", Cases.At(3));

        Assert.Equal(DossierStatus.PaidInFull, dossier.Status);
    }

    [Fact]
    public void Refunds_MoveBackWithWhatIsPaid_EvenFromProcessed()
    {
        var dossier = Cases.In(DossierStatus.Processed);

        Cases.Pay(dossier, -84_000, Cases.At(10));
        Assert.Equal(DossierStatus.DepositPaid, dossier.Status);
        Cases.Pay(dossier, -36_000, Cases.At(11));

        Assert.Equal(DossierStatus.AwaitingPayment, dossier.Status);
        Assert.Equal(0, dossier.PaidCents);
    }

    [Fact]
    public void ArchivedDossier_StaysArchived_ButComesBackWhereEventsTookIt()
    {
        var dossier = Cases.In(DossierStatus.AwaitingPayment);
        dossier.StaffMove(DossierTrigger.Archive, "Camille Roche", Cases.At(10));

        Cases.Pay(dossier, Cases.Total, Cases.At(11));
        Assert.Equal(DossierStatus.Archived, dossier.Status);
        dossier.StaffMove(DossierTrigger.Restore, "Camille Roche", Cases.At(12));

        Assert.Equal(DossierStatus.PaidInFull, dossier.Status);
    }

    [Fact]
    public void AcceptedQuoteVoided_BeforeAnyPayment_GoesBackInProgress()
    {
        var dossier = Cases.In(DossierStatus.AwaitingPayment);

        dossier.QuoteVoided(Cases.Quote, "les dates du séjour ont changé", Cases.At(10));

        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        Assert.Null(dossier.AcceptedTotalCents);
        Assert.False(dossier.HasQuoteInProgress);
    }

    [Fact]
    public void ReadState_TheLatestOfMessageReadAndUnreadWins_WhateverTheOrderTheyArrive()
    {
        var dossier = Cases.In(DossierStatus.InProgress);

        dossier.CustomerMessageReceived(Cases.At(20));
        dossier.ConversationRead(Cases.At(15));
        Assert.True(dossier.HasUnreadMessages);
        dossier.ConversationRead(Cases.At(21));
        Assert.False(dossier.HasUnreadMessages);
        dossier.ConversationMarkedUnread(Cases.At(22));

        Assert.True(dossier.HasUnreadMessages);
    }
}
