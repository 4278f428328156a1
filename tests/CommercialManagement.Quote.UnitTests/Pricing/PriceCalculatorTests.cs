using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.UnitTests.Catalogue;

namespace CommercialManagement.Quote.UnitTests.Pricing;

/// <summary>Every pricing model across the January / February boundary (6 February 2027), for a stay of 2 → 9 February.</summary>
public sealed class PriceCalculatorTests
{
    private static readonly DateOnly Arrival = new(2027, 2, 2);
    private static readonly DateOnly Departure = new(2027, 2, 9);

    private static PriceRequest Request(DateOnly from, DateOnly to, int quantity = 1, Party? party = null) =>
        new(from, to, quantity, party ?? new Party(2, 0, []), Arrival, Departure);

    [Fact]
    public void Accommodation_AcrossTheSeasonBoundary_PricesEachNightAtItsSeason()
    {
        var result = PriceCalculator.Price(Products.Accommodation(), Request(Arrival, Departure, quantity: 2));

        var line = Assert.Single(result.Lines);
        Assert.Equal(4 * 10_000 + 3 * 15_000, line.UnitPriceCents);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(170_000, result.AmountCents);
        Assert.Equal(["4 nuits × 100,00 € (Janvier)", "3 nuits × 150,00 € (Vacances de février)"], line.Breakdown.Select(c => c.Label));
        Assert.Equal([40_000L, 45_000L], line.Breakdown.Select(c => c.AmountCents));
        Assert.Equal(7, result.Dates.Count);
        Assert.Equal(new DateOnly(2027, 2, 8), result.Dates[^1]);
        Assert.Equal(2, line.HeldPerDate);
    }

    [Fact]
    public void Accommodation_TouristTax_IsAdultsTimesNightsTimesTheRate()
    {
        var result = PriceCalculator.Price(Products.Accommodation(people: 6, touristTax: 230), Request(Arrival, Departure, party: new Party(3, 0, [8, 5])));

        var tax = Assert.Single(result.Lines).TouristTax!;
        Assert.Equal((3, 7, 230L), (tax.Adults, tax.Nights, tax.CentsPerAdultNight));
        Assert.Equal(3 * 7 * 230, result.TouristTaxCents);
    }

    [Fact]
    public void Accommodation_TooSmallForTheParty_IsRefusedWithTheReason()
    {
        var result = PriceCalculator.Price(Products.Accommodation(people: 4), Request(Arrival, Departure, quantity: 1, party: new Party(3, 0, [8, 5])));

        Assert.True(result.Refused);
        Assert.Contains("4 personnes par logement", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Accommodation_DepartureNotAfterArrival_IsRefused() =>
        Assert.Equal("to", PriceCalculator.Price(Products.Accommodation(), Request(Arrival, Arrival)).RefusedField);

    [Fact]
    public void GroupLesson_IsPerPersonPerSession_AndHoldsAPlacePerPerson()
    {
        var product = Products.Of(ProductType.SkiLesson, capacity: 10, lesson: LessonKind.Group);

        var result = PriceCalculator.Price(product, Request(new(2027, 2, 3), new(2027, 2, 8), party: new Party(1, 0, [9, 7])));

        var line = Assert.Single(result.Lines);
        Assert.Equal(3 * 10_000 + 3 * 15_000, line.UnitPriceCents);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(3 * 75_000, line.AmountCents);
        Assert.Equal(3, line.HeldPerDate);
        Assert.Equal(["3 séances × 100,00 € (Janvier)", "3 séances × 150,00 € (Vacances de février)"], line.Breakdown.Select(c => c.Label));
        Assert.Contains("cours collectif", line.Label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    public void PrivateLesson_IsPerPerson_AndHoldsOneInstructorPerLessonSize(int people, int instructors)
    {
        var product = Products.Of(ProductType.SkiLesson, capacity: 3, unitCapacity: 2, lesson: LessonKind.Private);

        var line = Assert.Single(PriceCalculator.Price(product, Request(new(2027, 2, 5), new(2027, 2, 6), party: new Party(people, 0, []))).Lines);

        Assert.Equal(10_000 + 15_000, line.UnitPriceCents);
        Assert.Equal(people, line.Quantity);
        Assert.Equal(instructors, line.HeldPerDate);
        Assert.Contains("cours particulier", line.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void LiftPass_PricesEachAgeBandOnItsOwnLine()
    {
        var product = Products.Of(ProductType.LiftPass, capacity: null);
        var party = new Party(Adults: 2, Seniors: 1, ChildrenAges: [8, 3, 16]);

        var result = PriceCalculator.Price(product, Request(new(2027, 2, 3), new(2027, 2, 8), party: party));

        Assert.Equal(
            [(AgeBand.Adult, 2, 75_000L), (AgeBand.Senior, 1, 66_000L), (AgeBand.Child, 1, 60_000L), (AgeBand.Infant, 1, 0L)],
            result.Lines.Select(l => (l.Band!.Value, l.Quantity, l.UnitPriceCents)));
        Assert.Equal(2 * 75_000 + 66_000 + 60_000, result.AmountCents);
        Assert.All(result.Lines, l => Assert.Equal(0, l.HeldPerDate));
        Assert.Contains("6 jours du 03/02/2027 au 08/02/2027", result.Lines[0].Label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Infant")]
    [InlineData(4, "Infant")]
    [InlineData(5, "Child")]
    [InlineData(15, "Child")]
    [InlineData(16, "Adult")]
    public void AgeBands_OfAChild_FollowTheResortsRule(int age, string band) => Assert.Equal(Enum.Parse<AgeBand>(band), AgeBands.OfChild(age));

    [Fact]
    public void Rental_IsPerPersonPerDay_AndUnlimited()
    {
        var line = Assert.Single(PriceCalculator.Price(Products.Of(ProductType.Rental, capacity: null), Request(new(2027, 2, 4), new(2027, 2, 7), party: new Party(2, 0, [10]))).Lines);

        Assert.Equal(2 * 10_000 + 2 * 15_000, line.UnitPriceCents);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(0, line.HeldPerDate);
    }

    [Fact]
    public void Activity_IsPerPersonOnOneDate()
    {
        var line = Assert.Single(PriceCalculator.Price(Products.Of(ProductType.Activity, capacity: 12), Request(Products.Boundary, Products.Boundary, party: new Party(2, 0, []))).Lines);

        Assert.Equal(15_000, line.UnitPriceCents);
        Assert.Equal(2, line.HeldPerDate);
        Assert.Contains("le 06/02/2027", line.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_OverSeveralDates_IsRefused() =>
        Assert.Contains("une seule date", PriceCalculator.Price(Products.Of(ProductType.Activity), Request(new(2027, 2, 4), new(2027, 2, 5))).Refusal, StringComparison.Ordinal);

    [Theory]
    [InlineData(2027, 2, 1, 2027, 2, 5)]
    [InlineData(2027, 2, 3, 2027, 2, 10)]
    public void Dates_OutsideTheStay_AreRefusedWithBothPeriods(int fy, int fm, int fd, int ty, int tm, int td)
    {
        var result = PriceCalculator.Price(Products.Of(ProductType.Rental, capacity: null), Request(new(fy, fm, fd), new(ty, tm, td)));

        Assert.Equal("from", result.RefusedField);
        Assert.Contains("sortent du séjour (02/02/2027 – 09/02/2027)", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateWithoutASeasonPrice_IsRefusedNamingTheDate()
    {
        var product = Products.Of(ProductType.Rental, capacity: null);
        var request = new PriceRequest(new(2027, 3, 5), new(2027, 3, 8), 1, new Party(1, 0, []), new(2027, 3, 1), new(2027, 3, 10));

        Assert.Contains("Pas de tarif pour le 07/03/2027", PriceCalculator.Price(product, request).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void NoParticipant_IsRefused() =>
        Assert.Equal("participants", PriceCalculator.Price(Products.Of(ProductType.Rental, capacity: null), Request(new(2027, 2, 4), new(2027, 2, 5), party: new Party(0, 0, []))).RefusedField);
}
