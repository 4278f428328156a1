using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.UnitTests.Catalogue;

public sealed class ProductRulesTests
{
    private static ProductSpec Valid(ProductType type = ProductType.Accommodation) =>
        new(type, "Chalet", null, true, ProductRules.DefaultVatRate(type), Products.TwoSeasons.Select(s => s with { ChildPriceCents = null, SeniorPriceCents = null }).ToList(),
            type is ProductType.Accommodation or ProductType.SkiLesson or ProductType.Activity ? 3 : null, type == ProductType.Accommodation ? 4 : null, null, null);

    [Theory]
    [InlineData("Accommodation", 1000)]
    [InlineData("LiftPass", 1000)]
    [InlineData("SkiLesson", 2000)]
    [InlineData("Rental", 2000)]
    [InlineData("Activity", 2000)]
    public void DefaultVatRate_FollowsTheProductRules(string type, int expected) =>
        Assert.Equal(expected, ProductRules.DefaultVatRate(Enum.Parse<ProductType>(type)));

    [Fact]
    public void Validate_AValidProduct_HasNoErrors() => Assert.Empty(ProductRules.Validate(Valid()));

    [Theory]
    [InlineData("2026-11-01", "9999-12-31", "doit tenir entre le 01/01/2000 et le 31/12/2099")]
    [InlineData("0001-01-01", "2026-12-01", "doit tenir entre le 01/01/2000 et le 31/12/2099")]
    [InlineData("2026-11-01", "2027-11-03", "dure au plus 367 jours")]
    public void Validate_ASeasonBeyondWhatABusinessMeans_IsRefused(string from, string to, string words)
    {
        // Found by the hostile-input suite: a season to 31/12/9999 answered 500 (availability is kept per night).
        var season = Products.TwoSeasons[0] with { From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), ChildPriceCents = null, SeniorPriceCents = null };

        var errors = ProductRules.Validate(Valid() with { Seasons = [season] });

        Assert.Contains(words, Assert.Single(errors["seasons[0]"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(550)]
    [InlineData(1000)]
    [InlineData(2000)]
    public void Validate_AnAllowedVatRate_IsAccepted(int rate) => Assert.Empty(ProductRules.Validate(Valid() with { VatRateBasisPoints = rate }));

    [Theory]
    [InlineData(10)]
    [InlineData(1950)]
    [InlineData(-1000)]
    public void Validate_AnUnknownVatRate_SaysWhichAreAllowed(int rate)
    {
        var errors = ProductRules.Validate(Valid() with { VatRateBasisPoints = rate });

        Assert.Contains("5,5 %", Assert.Single(errors["vatRateBasisPoints"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ANegativePrice_IsRefused()
    {
        var spec = Valid() with { Seasons = [new SeasonPrice("Janvier", new(2027, 1, 3), new(2027, 2, 5), -1)] };

        Assert.Contains("négatif", Assert.Single(ProductRules.Validate(spec)["seasons[0]"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000_001L)]
    [InlineData(1_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void Validate_APriceNoBusinessMeans_IsRefused(long cents)
    {
        // At 10^15 cents the deposit came out wrong, at 10^16 the quote's total was negative.
        var spec = Valid() with { Seasons = [new SeasonPrice("Janvier", new(2027, 1, 3), new(2027, 2, 5), cents)] };

        Assert.Equal("Le prix de la saison « Janvier » ne dépasse pas 1 000 000,00 €.", Assert.Single(ProductRules.Validate(spec)["seasons[0]"]));
    }

    [Fact]
    public void Validate_TheLargestPrice_IsAccepted() =>
        Assert.Empty(ProductRules.Validate(Valid() with { Seasons = [new SeasonPrice("Janvier", new(2027, 1, 3), new(2027, 2, 5), ProductRules.MaxPriceCents)] }));

    [Theory]
    [InlineData(10_001L)]
    [InlineData(long.MaxValue)]
    public void Validate_ATouristTaxNoMunicipalityLevies_IsRefused(long cents) =>
        Assert.Equal(
            "La taxe de séjour ne dépasse pas 100,00 € par adulte et par nuit.",
            Assert.Single(ProductRules.Validate(Valid() with { TouristTaxCentsPerAdultNight = cents })["touristTaxCentsPerAdultNight"]));

    [Fact]
    public void Validate_OverlappingSeasons_AreRefused()
    {
        var spec = Valid() with { Seasons = [new SeasonPrice("A", new(2027, 1, 3), new(2027, 2, 6), 1), new SeasonPrice("B", new(2027, 2, 6), new(2027, 3, 6), 1)] };

        Assert.Contains("se chevauchent", Assert.Single(ProductRules.Validate(spec)["seasons"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ASeasonEndingBeforeItStarts_IsRefused() =>
        Assert.Contains("seasons[0]", ProductRules.Validate(Valid() with { Seasons = [new SeasonPrice("A", new(2027, 3, 3), new(2027, 2, 6), 1)] }).Keys);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_AnEmptyName_IsRefused(string name) => Assert.Contains("name", ProductRules.Validate(Valid() with { Name = name }).Keys);

    [Fact]
    public void Validate_NoSeason_IsRefused() => Assert.Contains("seasons", ProductRules.Validate(Valid() with { Seasons = [] }).Keys);

    [Theory]
    [InlineData("Accommodation")]
    [InlineData("SkiLesson")]
    [InlineData("Activity")]
    public void Validate_AStockedTypeWithoutCapacity_IsRefused(string type) =>
        Assert.Contains("capacity", ProductRules.Validate(Valid(Enum.Parse<ProductType>(type)) with { Capacity = 0 }).Keys);

    [Fact]
    public void Validate_ChildPricesOnAnythingButALiftPass_AreRefused() =>
        Assert.NotEmpty(ProductRules.Validate(Valid(ProductType.Rental) with { Seasons = Products.TwoSeasons }));

    [Fact]
    public void Validate_APrivateLessonWithoutItsSize_IsRefused() =>
        Assert.Contains("unitCapacity", ProductRules.Validate(Valid(ProductType.SkiLesson) with { LessonKind = LessonKind.Private }).Keys);
}
