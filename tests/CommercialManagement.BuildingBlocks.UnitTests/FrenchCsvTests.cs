using System.Text;
using CommercialManagement.BuildingBlocks.Csv;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>The French Excel CSV every export uses: what a spreadsheet opening the file shows.</summary>
public sealed class FrenchCsvTests
{
    private static string Text(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    [Fact]
    public void Write_StartsWithTheBom_SeparatesBySemicolons_AndEndsLinesWithCrLf()
    {
        var text = Text(FrenchCsv.Write(["Client", "Montant (€)"], [["Élodie Martin", FrenchCsv.Money(120_050)], ["Jean", FrenchCsv.Money(-50)]]));

        Assert.Equal("Client;Montant (€)\r\nÉlodie Martin;1200,50\r\nJean;-0,50\r\n", text);
    }

    [Fact]
    public void Values_AreFrench_DecimalCommaDayFirstNoGrouping()
    {
        var text = Text(FrenchCsv.Write(
            ["Arrivée", "Vide", "Nuits", "Montant", "Le"],
            [[FrenchCsv.Date(new DateOnly(2027, 2, 6)), FrenchCsv.Date((DateOnly?)null), FrenchCsv.Number(12_345), FrenchCsv.Money(123_456_789),
                FrenchCsv.DateTime(new DateTimeOffset(2026, 11, 28, 9, 5, 0, TimeSpan.FromHours(1)))]]));

        Assert.Equal("Arrivée;Vide;Nuits;Montant;Le\r\n06/02/2027;;12345;1234567,89;28/11/2026 09:05\r\n", text);
    }

    [Fact]
    public void Cells_WithASemicolonAQuoteOrALineEnd_AreQuoted_OthersNot()
    {
        var text = Text(FrenchCsv.Write(["A", "B", "C", "D"], [["Dupont; fils", "dit \"le grand\"", "ligne 1\nligne 2", " espaces "]]));

        Assert.Equal("A;B;C;D\r\n\"Dupont; fils\";\"dit \"\"le grand\"\"\";\"ligne 1\nligne 2\"; espaces \r\n", text);
    }

    [Fact]
    public void TypedTextThatCouldBeAFormula_GetsAnApostrophe_ButPhoneNumbersAndOurAmountsDoNot()
    {
        var text = Text(FrenchCsv.Write(
            ["A", "B", "C", "D", "E", "F"],
            [["=HYPERLINK(\"http://evil\")", "+33 6 12 34 56 78", "-2+3", "@SUM(A1)", "+1+cmd", FrenchCsv.Money(-1_000)]]));

        Assert.Equal("A;B;C;D;E;F\r\n\"'=HYPERLINK(\"\"http://evil\"\")\";+33 6 12 34 56 78;'-2+3;'@SUM(A1);'+1+cmd;-10,00\r\n", text);
    }

    [Fact]
    public void ARowWithTheWrongNumberOfCells_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => FrenchCsv.Write(["A", "B"], [["seul"]]));
    }
}
