using CommercialManagement.BuildingBlocks.Stays;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>The one definition of a stay the form, a phone request and the dossier's change of stay all apply.</summary>
public sealed class StayRulesTests
{
    private static readonly DateOnly Today = new(2027, 1, 10);

    private static Dictionary<string, string[]> Check(string? arrival, string? departure, int? adults = 2, int[]? children = null) =>
        StayRules.Check(arrival is null ? null : DateOnly.Parse(arrival), departure is null ? null : DateOnly.Parse(departure), adults, children, Today);

    [Fact]
    public void AStayOfSixtyNightsForThirtyPeople_IsAccepted()
    {
        Assert.Empty(Check("2027-01-10", "2027-03-11", 28, [0, 17]));
        Assert.Empty(Check(null, null, null));
    }

    [Theory]
    [InlineData("2027-01-09", "2027-01-16", 2, "arrival", "La date d'arrivée ne peut pas être passée.")]
    [InlineData("2027-02-13", "2027-02-13", 2, "departure", "La date de départ doit être après la date d'arrivée.")]
    [InlineData("2027-01-10", "2027-03-12", 2, "departure", "Le séjour ne peut pas dépasser 60 nuits.")]
    [InlineData("2027-02-13", null, 2, "departure", "Indiquez à la fois la date d'arrivée et la date de départ, ou aucune des deux.")]
    [InlineData(null, "2027-02-13", 2, "arrival", "Indiquez à la fois la date d'arrivée et la date de départ, ou aucune des deux.")]
    [InlineData(null, null, 0, "adults", "Il faut au moins un adulte.")]
    [InlineData(null, null, 31, "adults", "Un séjour compte au plus 30 personnes.")]
    [InlineData(null, null, int.MaxValue, "adults", "Un séjour compte au plus 30 personnes.")]
    public void ABrokenRule_IsReportedOnTheFieldToCorrect(string? arrival, string? departure, int adults, string field, string message)
    {
        var errors = Check(arrival, departure, adults);

        Assert.Equal(message, Assert.Single(errors[field]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(18)]
    public void AChildOutsideZeroToSeventeen_IsRefused(int age) =>
        Assert.Equal("L'âge de chaque enfant est compris entre 0 et 17 ans.", Assert.Single(Check(null, null, 2, [5, age])["childrenAges"]));
}
