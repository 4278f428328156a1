namespace CommercialManagement.Documents;

/// <summary>What a document is; it gives the header's title and the document's name in the running header.</summary>
public enum DocumentKind
{
    /// <summary>« DEVIS ».</summary>
    Quote,
    /// <summary>« FACTURE ».</summary>
    Invoice,
    /// <summary>« FACTURE D'ACOMPTE ».</summary>
    DepositInvoice,
    /// <summary>« AVOIR ».</summary>
    CreditNote,
    /// <summary>« TAXE DE SÉJOUR »: the statement of a period's tourist tax (issue 19), not an invoice.</summary>
    TouristTaxStatement,
}

/// <summary>The colour of a badge, a running header's note or a watermark.</summary>
public enum DocumentTone
{
    /// <summary>Grey: a draft.</summary>
    Neutral,
    /// <summary>Green: accepted, paid.</summary>
    Success,
    /// <summary>Red: cancelled, refused.</summary>
    Alert,
}

/// <summary>
/// The document's identity, on the right of the header: its title, number and version, its dates and a badge; its name
/// and number also head every following page, end every page's footer and title the PDF's properties.
/// </summary>
public sealed record DocumentHeading
{
    /// <summary>What the document is.</summary>
    public required DocumentKind Kind { get; init; }
    /// <summary>Its number, e.g. « DEV-2026-00042 ».</summary>
    public required string Number { get; init; }
    /// <summary>Its version, for a document that has versions (a quote); none for an invoice.</summary>
    public int? Version { get; init; }
    /// <summary>The issue date, « Date d'émission ».</summary>
    public required DateOnly IssueDate { get; init; }
    /// <summary>The dates under the issue date, each with its label: « Valable jusqu'au », « Échéance ».</summary>
    public IReadOnlyList<DocumentDate> MoreDates { get; init; } = [];
    /// <summary>A coloured label under the dates: « Brouillon », « Accepté le … », « ANNULÉ ».</summary>
    public DocumentBadge? Badge { get; init; }

    /// <summary>« Devis DEV-2026-00042 · version 2 », « Facture FAC-2027-00012 ».</summary>
    public string Reference(DocumentText text) =>
        Version is { } version ? $"{text.Names[Kind]} {Number} · {text.Version} {version}" : $"{text.Names[Kind]} {Number}";

    internal string NumberLine(DocumentText text) =>
        Version is { } version ? $"{text.Number} {Number}  ·  {text.Version} {version}" : $"{text.Number} {Number}";

    internal string PdfTitle(DocumentText text) =>
        Version is { } version ? $"{text.Names[Kind]} {Number} ({text.Version} {version})" : $"{text.Names[Kind]} {Number}";
}

/// <summary>A dated line of the header.</summary>
/// <param name="Label">Its label, without the colon: « Valable jusqu'au ».</param>
/// <param name="Date">The date, written long.</param>
public sealed record DocumentDate(string Label, DateOnly Date);

/// <summary>A coloured label in the header.</summary>
/// <param name="Label">What it says.</param>
/// <param name="Tone">Its colour.</param>
public sealed record DocumentBadge(string Label, DocumentTone Tone);
