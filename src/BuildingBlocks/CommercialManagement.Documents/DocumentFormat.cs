using System.Globalization;
using System.Text;

namespace CommercialManagement.Documents;

/// <summary>
/// Amounts, rates and dates written by hand rather than through CultureInfo: .NET's fr-FR groups digits with
/// U+202F, and the output must not change with the machine's ICU data.
/// </summary>
/// <param name="language">The language the document is written in.</param>
public sealed class DocumentFormat(DocumentLanguage language)
{
    /// <summary>A no-break space: every font has it, and an amount never wraps inside.</summary>
    public const char Space = '\u00A0';

    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] FrenchDays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] EnglishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private bool French => language == DocumentLanguage.French;

    /// <summary>« 1 234,56 € » in French, « €1,234.56 » in English; a negative amount starts with « - ».</summary>
    public string Money(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var magnitude = Math.Abs((decimal)cents);
        var euros = Group((long)(magnitude / 100), French ? Space : ',');
        var rest = ((long)(magnitude % 100)).ToString("00", CultureInfo.InvariantCulture);
        return French ? $"{sign}{euros},{rest}{Space}€" : $"{sign}€{euros}.{rest}";
    }

    /// <summary>A VAT rate in basis points (1000 = 10 %): « 5,5 % », « 10 % »; « 5.5% » in English.</summary>
    public string Rate(int basisPoints)
    {
        var whole = basisPoints / 100;
        var fraction = basisPoints % 100;
        var number = fraction == 0
            ? whole.ToString(CultureInfo.InvariantCulture)
            : $"{whole}{(French ? "," : ".")}{fraction.ToString("00", CultureInfo.InvariantCulture).TrimEnd('0')}";
        return French ? $"{number}{Space}%" : $"{number}%";
    }

    /// <summary>« 1er mars 2027 », « 1 March 2027 ».</summary>
    public string LongDate(DateOnly date) => French
        ? $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {FrenchMonths[date.Month - 1]} {date.Year}"
        : $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}";

    /// <summary>« samedi 13 février 2027 », « Saturday 13 February 2027 ».</summary>
    public string DayAndDate(DateOnly date) =>
        $"{(French ? FrenchDays : EnglishDays)[(int)date.DayOfWeek]} {LongDate(date)}";

    /// <summary>« 13/02/2027 » in both languages.</summary>
    public string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>« du 13/02/2027 au 20/02/2027 », « le … », « jusqu'au … », one date when both are the same, « » when neither.</summary>
    public string DateRange(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } from, { } to) when from == to => ShortDate(from),
        ({ } from, { } to) => French ? $"du {ShortDate(from)} au {ShortDate(to)}" : $"{ShortDate(from)} to {ShortDate(to)}",
        ({ } from, null) => French ? $"le {ShortDate(from)}" : $"on {ShortDate(from)}",
        (null, { } to) => French ? $"jusqu'au {ShortDate(to)}" : $"until {ShortDate(to)}",
        _ => "",
    };

    /// <summary>A quantity with its thousands grouped.</summary>
    public string Count(int value) => Group(value, French ? Space : ',');

    private static string Group(long value, char separator)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length + digits.Length / 3);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }
}
