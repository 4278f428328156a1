
namespace CommercialManagement.Documents.UnitTests;

public sealed class DocumentFormatTests
{
    private static readonly DocumentFormat French = new(DocumentLanguage.French);
    private static readonly DocumentFormat English = new(DocumentLanguage.English);

    [Theory]
    [InlineData(0, "0,00 €")]
    [InlineData(5, "0,05 €")]
    [InlineData(123456, "1 234,56 €")]
    [InlineData(100000000, "1 000 000,00 €")]
    [InlineData(-2550, "-25,50 €")]
    public void Money_French_GroupsWithANoBreakSpaceAndEndsWithTheEuroSign(long cents, string expected) =>
        Assert.Equal(expected.Replace(' ', '\u00A0'), French.Money(cents));

    [Fact]
    public void Money_English_PutsTheEuroSignFirst() => Assert.Equal("€1,234.56", English.Money(123456));

    [Theory]
    [InlineData(0, "0 %")]
    [InlineData(550, "5,5 %")]
    [InlineData(1000, "10 %")]
    [InlineData(2000, "20 %")]
    [InlineData(1025, "10,25 %")]
    public void Rate_French_WritesBasisPointsAsAPercentage(int basisPoints, string expected) =>
        Assert.Equal(expected.Replace(' ', '\u00A0'), French.Rate(basisPoints));

    [Fact]
    public void Dates_French_WriteTheMonthInFullAndTheFirstAsPremier()
    {
        Assert.Equal("13 février 2027", French.LongDate(new DateOnly(2027, 2, 13)));
        Assert.Equal("1er août 2027", French.LongDate(new DateOnly(2027, 8, 1)));
        Assert.Equal("samedi 13 février 2027", French.DayAndDate(new DateOnly(2027, 2, 13)));
        Assert.Equal("13/02/2027", French.ShortDate(new DateOnly(2027, 2, 13)));
        Assert.Equal("du 13/02/2027 au 20/02/2027", French.DateRange(new DateOnly(2027, 2, 13), new DateOnly(2027, 2, 20)));
    }

    [Fact]
    public void Dates_English_WriteTheMonthInEnglish() =>
        Assert.Equal("Saturday 13 February 2027", English.DayAndDate(new DateOnly(2027, 2, 13)));
}
