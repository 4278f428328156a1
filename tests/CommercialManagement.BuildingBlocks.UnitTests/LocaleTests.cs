using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>Euros and « today » as people in the resort read them, the one definition every service and the gateway use.</summary>
public sealed class LocaleTests
{
    [Fact]
    public void Euros_InFrench_GroupWithTheNarrowNoBreakSpace_AndEndWithASpaceAndTheSymbol()
    {
        Assert.Equal("1\u202f234,56 €", Euros.Format(123_456));
        Assert.Equal("-0,05 €", Euros.Format(-5));
    }

    [Fact]
    public void Euros_InAnEmailsText_KeepTheSymbolOnTheAmountsLine() =>
        Assert.Equal("1\u202f234,56\u00a0€", Euros.InText(123_456));

    [Fact]
    public void Euros_InEnglish_PutTheSymbolFirst()
    {
        Assert.Equal("€1,234.56", Euros.Format(123_456, english: true));
        Assert.Equal("€1,234.56", Euros.InText(123_456, english: true));
    }

    [Theory]
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    [InlineData("2027-07-14T21:59:59Z", "2027-07-14")]
    [InlineData("2027-07-14T22:00:00Z", "2027-07-15")]
    public void TheDay_IsTheDayInParis_WinterAndSummer(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ParisTime.Day(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
}
