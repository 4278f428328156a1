using System.Globalization;
using CsvHelper;

namespace CommercialManagement.BuildingBlocks.Csv;

/// <summary>
/// One cell of a French CSV: text someone typed (guarded against formulas when written) or a value this code formatted
/// (a number, an amount, a date), written as it is so that « -12,50 » stays a negative amount.
/// </summary>
public readonly record struct CsvCell(string Value, bool Formatted)
{
    public static implicit operator CsvCell(string? text) => new(text ?? "", false);
}

/// <summary>
/// Every CSV the back office offers, in the form a French Excel opens with a double click: UTF-8 with its BOM (else
/// accents break), « ; » between cells (the comma is the decimal mark), decimal commas, dates dd/MM/yyyy, CRLF line ends.
/// Writing and quoting are CsvHelper's (RFC 4180 with « ; »: a cell is quoted only when it holds a « ; », a quote or a line end). Text that could start
/// a spreadsheet formula is written with a leading apostrophe, except a phone number (« +33 6 … »).
/// </summary>
public static class FrenchCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>French digits with a plain hyphen-minus: ICU's fr-FR may use U+2212, which spreadsheets do not read as a sign.</summary>
    private static readonly NumberFormatInfo Numbers = French();

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';', NewLine = "\r\n", WriteByteOrderMark = true, Injection = CsvInjection.None, Quoting = CsvQuoting.WhenNeeded,
    };

    /// <summary>The file: BOM, the header, then one line per row, each row's cells in the header's order.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<CsvCell>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var name in header)
            {
                csv.WriteField(Guard(name));
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new ArgumentException($"A row has {row.Count} cells for {header.Count} columns.", nameof(rows));
                }

                foreach (var cell in row)
                {
                    csv.WriteField(cell.Formatted ? cell.Value : Guard(cell.Value));
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>Euros from cents, two decimals and a comma: 120050 → « 1200,50 », -50 → « -0,50 ».</summary>
    public static CsvCell Money(long cents) => new((cents / 100m).ToString("0.00", Numbers), true);

    public static CsvCell Number(long value) => new(value.ToString(Numbers), true);

    public static CsvCell Date(DateOnly date) => new(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), true);

    public static CsvCell Date(DateOnly? date) => date is { } d ? Date(d) : new CsvCell("", true);

    /// <summary>A time already in Paris time: « 28/11/2026 10:00 ».</summary>
    public static CsvCell DateTime(DateTimeOffset parisTime) => new(parisTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), true);

    /// <summary>A spreadsheet must not run what a customer typed: text that could start a formula gets a leading apostrophe.</summary>
    public static string Guard(string value)
    {
        var phoneLike = value.StartsWith('+') && value.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')');
        return value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !phoneLike ? "'" + value : value;
    }

    private static NumberFormatInfo French()
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo("fr-FR").NumberFormat.Clone();
        format.NegativeSign = "-";
        format.NumberDecimalSeparator = ",";
        return NumberFormatInfo.ReadOnly(format);
    }
}
