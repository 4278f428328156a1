using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Features.Offers;

namespace CommercialManagement.Quote.UnitTests.Catalogue;

/// <summary>The dates the panel proposes for a week's stay (Saturday to Saturday) and for one night.</summary>
public sealed class DefaultDatesTests
{
    private static readonly DateOnly Saturday = new(2027, 2, 13);

    [Theory]
    [InlineData("Accommodation", 13, 20)]
    [InlineData("SkiLesson", 14, 19)]
    [InlineData("LiftPass", 14, 19)]
    [InlineData("Rental", 14, 19)]
    [InlineData("Activity", 14, 14)]
    public void AWeek_ProposesTheNightsOrTheDaysBetween(string type, int from, int to) =>
        Assert.Equal((new DateOnly(2027, 2, from), new DateOnly(2027, 2, to)), OfferEndpoints.DefaultDates(Enum.Parse<ProductType>(type), Saturday, Saturday.AddDays(7)));

    [Theory]
    [InlineData("Accommodation", 14)]
    [InlineData("LiftPass", 13)]
    [InlineData("Activity", 13)]
    public void OneNight_ProposesTheArrivalDay(string type, int to) =>
        Assert.Equal((Saturday, new DateOnly(2027, 2, to)), OfferEndpoints.DefaultDates(Enum.Parse<ProductType>(type), Saturday, Saturday.AddDays(1)));
}
