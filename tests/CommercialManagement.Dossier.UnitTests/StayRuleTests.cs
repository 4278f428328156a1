using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>« Si un devis est en cours sur le dossier et que les dates de séjour sont modifiées, il sera perdu. »</summary>
public sealed class StayRuleTests
{
    private static readonly DateOnly NewArrival = new(2027, 3, 6);

    [Fact]
    public void QuoteInProgress_WithoutConfirmation_IsRefusedAndAsksForIt()
    {
        var dossier = Cases.In(DossierStatus.InProgress);

        var change = dossier.ChangeStay(NewArrival, NewArrival.AddDays(7), 2, [8, 5], confirmed: false, "Lucas Girard", Cases.At(10));

        Assert.True(change.ConfirmationRequired);
        Assert.StartsWith("Un devis est en cours sur ce dossier", change.Refusal, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 2, 13), dossier.Arrival);
    }

    [Fact]
    public void QuoteInProgress_Confirmed_ChangesTheStayAndLosesTheQuote()
    {
        var dossier = Cases.In(DossierStatus.New);

        var change = dossier.ChangeStay(NewArrival, NewArrival.AddDays(7), 3, [], confirmed: true, "Lucas Girard", Cases.At(10));

        Assert.Null(change.Refusal);
        Assert.Equal(Cases.Quote, change.LostQuoteId);
        Assert.Equal((NewArrival, 3), (dossier.Arrival!.Value, dossier.Adults));
        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        Assert.Contains(change.History, h => h.What.Contains("en cours est perdu", StringComparison.Ordinal));
    }

    [Fact]
    public void NoQuote_ChangesWithoutConfirmationAndLosesNothing()
    {
        var dossier = Cases.Request();

        var change = dossier.ChangeStay(NewArrival, NewArrival.AddDays(3), 2, [], confirmed: false, "Lucas Girard", Cases.At(10));

        Assert.Null(change.Refusal);
        Assert.Null(change.LostQuoteId);
        Assert.Equal(DossierStatus.Request, dossier.Status);
    }

    [Fact]
    public void AnyPaymentReceived_RefusesEvenConfirmed_AndSaysWhy()
    {
        var dossier = Cases.In(DossierStatus.DepositPaid);

        var change = dossier.ChangeStay(NewArrival, NewArrival.AddDays(7), 2, [8, 5], confirmed: true, "Lucas Girard", Cases.At(10));

        Assert.False(change.ConfirmationRequired);
        Assert.Equal(
            "Un paiement de 360,00 € a déjà été reçu sur ce dossier : le séjour (dates et participants) ne peut plus être modifié. Pour un autre séjour, remboursez d'abord le client ou ouvrez une nouvelle demande.",
            change.Refusal);
        Assert.Equal(new DateOnly(2027, 2, 13), dossier.Arrival);
    }
}
