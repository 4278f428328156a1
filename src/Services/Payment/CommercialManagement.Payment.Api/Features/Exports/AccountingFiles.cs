using System.Globalization;
using System.Text;
using CommercialManagement.BuildingBlocks.Csv;
using CsvHelper;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>
/// The entries as files: a journal as French Excel CSV (<see cref="FrenchCsv"/>, a totals line at the end), and the
/// « fichier des écritures comptables » of article A47 A-1 of the livre des procédures fiscales: its 18 columns in their
/// order, « | » between them, dates yyyyMMdd, amounts with a decimal comma and no thousands separator, ISO 8859-15.
/// </summary>
internal static class AccountingFiles
{
    public static readonly string[] JournalHeader =
        ["Journal", "N° d'écriture", "Date", "Pièce", "Compte", "Libellé du compte", "Compte auxiliaire", "Libellé auxiliaire", "Libellé", "Débit (€)", "Crédit (€)"];

    /// <summary>The 18 fields of the FEC, named and ordered as article A47 A-1 lists them.</summary>
    public static readonly string[] FecHeader =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate",
        "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    /// <summary>Latin-9: the FEC's character sets are ASCII, ISO 8859-15 or EBCDIC; Latin-9 has the euro sign and the French letters.</summary>
    private static readonly Encoding Latin9 = Latin9Encoding();

    public static byte[] Journal(IReadOnlyList<Entry> entries)
    {
        var rows = entries.SelectMany(e => e.Lines.Select(l => (IReadOnlyList<CsvCell>)
        [
            e.Journal, FrenchCsv.Number(e.Number), FrenchCsv.Date(e.Date), e.Piece, l.Account, l.AccountLabel, l.AuxAccount, l.AuxLabel, e.Label,
            FrenchCsv.Money(l.DebitCents), FrenchCsv.Money(l.CreditCents),
        ])).ToList();
        rows.Add(["Total", "", "", "", "", "", "", "", $"{entries.Count} écritures", FrenchCsv.Money(entries.Sum(e => e.DebitCents)), FrenchCsv.Money(entries.Sum(e => e.CreditCents))]);
        return FrenchCsv.Write(JournalHeader, rows);
    }

    /// <summary>The FEC: both journals, in date order then journal then entry number; each entry validated on its own date.</summary>
    public static byte[] Fec(IEnumerable<Entry> entries)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Latin9, leaveOpen: true))
        using (var fec = CsvWriter.Create(text, CsvWriterOptions.Default with { Separator = '|', NewLine = "\r\n", Mode = CsvMode.NoEscape }))
        {
            fec.WriteRecord(FecHeader);
            foreach (var entry in entries.OrderBy(e => e.Date).ThenBy(e => e.Journal, StringComparer.Ordinal).ThenBy(e => e.Number))
            {
                foreach (var line in entry.Lines)
                {
                    fec.WriteRecord(
                    [
                        entry.Journal, entry.JournalLabel, entry.Number.ToString(CultureInfo.InvariantCulture), Date(entry.Date), line.Account, line.AccountLabel,
                        line.AuxAccount ?? "", Clean(line.AuxLabel ?? ""), Clean(entry.Piece), Date(entry.PieceDate), Clean(entry.Label),
                        Amount(line.DebitCents), Amount(line.CreditCents), "", "", Date(entry.Date), "", "",
                    ]);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>« 123456789FEC20270131.txt »: the SIREN, « FEC », the period's last day.</summary>
    public static string FecFileName(string siren, ExportPeriod period) => $"{siren}FEC{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.txt";

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A field never holds the separator nor a line end (the FEC has no quoting): they become spaces.</summary>
    private static string Clean(string value) =>
        string.Join(' ', value.Split(['|', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Encoding Latin9Encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("iso-8859-15", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
