namespace CommercialManagement.Documents;

/// <summary>
/// The words the kit's sections write, in French and in English (<see cref="For"/>). A document keeps the words of its
/// own sections (a quote's schedule, an invoice's payment terms) in a record of its own.
/// </summary>
public sealed record DocumentText
{
    /// <summary>The French words.</summary>
    public static readonly DocumentText French = new()
    {
        Colon = "\u00A0: ",
        Number = "N°",
        Version = "version",
        IssuedOn = "Date d'émission",
        Customer = "Client",
        Stay = "Séjour",
        Arrival = "Arrivée",
        Departure = "Départ",
        Duration = "Durée",
        Party = "Participants",
        Night = "nuit",
        Nights = "nuits",
        Adult = "adulte",
        Adults = "adultes",
        Child = "enfant",
        Children = "enfants",
        Years = "ans",
        And = "et",
        Services = "Prestations",
        Designation = "Désignation",
        Quantity = "Qté",
        UnitPrice = "P.U. TTC",
        VatRate = "TVA",
        Amount = "Montant TTC",
        UnitPriceExclVat = "P.U. HT",
        AmountExclVat = "Montant HT",
        VatBreakdown = "Détail de la TVA",
        Rate = "Taux",
        BaseExclVat = "Base HT",
        Vat = "TVA",
        Totals = "Totaux",
        TotalExclVat = "Total HT",
        TotalVat = "Total TVA",
        TotalInclVat = "Total TTC",
        TouristTax = "Taxe de séjour",
        TouristTaxNote = "hors TVA",
        GrandTotal = "Net à payer",
        Siret = "SIRET",
        VatNumber = "TVA intracommunautaire",
        Registration = "Immatriculation",
        Page = "Page",
        Titles = new Dictionary<DocumentKind, string>
        {
            [DocumentKind.Quote] = "DEVIS",
            [DocumentKind.Invoice] = "FACTURE",
            [DocumentKind.DepositInvoice] = "FACTURE D'ACOMPTE",
            [DocumentKind.CreditNote] = "AVOIR",
            [DocumentKind.TouristTaxStatement] = "TAXE DE SÉJOUR",
        },
        Names = new Dictionary<DocumentKind, string>
        {
            [DocumentKind.Quote] = "Devis",
            [DocumentKind.Invoice] = "Facture",
            [DocumentKind.DepositInvoice] = "Facture d'acompte",
            [DocumentKind.CreditNote] = "Avoir",
            [DocumentKind.TouristTaxStatement] = "État de la taxe de séjour",
        },
    };

    /// <summary>The English words.</summary>
    public static readonly DocumentText English = French with
    {
        Colon = ": ",
        Number = "No.",
        IssuedOn = "Issue date",
        Customer = "Customer",
        Stay = "Stay",
        Arrival = "Arrival",
        Departure = "Departure",
        Duration = "Length",
        Party = "Party",
        Night = "night",
        Nights = "nights",
        Adult = "adult",
        Adults = "adults",
        Child = "child",
        Children = "children",
        Years = "years old",
        And = "and",
        Services = "Services",
        Designation = "Description",
        Quantity = "Qty",
        UnitPrice = "Unit price",
        VatRate = "VAT",
        Amount = "Amount",
        UnitPriceExclVat = "Unit price excl. VAT",
        AmountExclVat = "Amount excl. VAT",
        VatBreakdown = "VAT breakdown",
        Rate = "Rate",
        BaseExclVat = "Net",
        Vat = "VAT",
        Totals = "Totals",
        TotalExclVat = "Total excl. VAT",
        TotalVat = "Total VAT",
        TotalInclVat = "Total incl. VAT",
        TouristTax = "Tourist tax",
        TouristTaxNote = "no VAT",
        GrandTotal = "Total to pay",
        VatNumber = "VAT number",
        Registration = "Registration",
        Titles = new Dictionary<DocumentKind, string>
        {
            [DocumentKind.Quote] = "QUOTE",
            [DocumentKind.Invoice] = "INVOICE",
            [DocumentKind.DepositInvoice] = "DEPOSIT INVOICE",
            [DocumentKind.CreditNote] = "CREDIT NOTE",
            [DocumentKind.TouristTaxStatement] = "TOURIST TAX",
        },
        Names = new Dictionary<DocumentKind, string>
        {
            [DocumentKind.Quote] = "Quote",
            [DocumentKind.Invoice] = "Invoice",
            [DocumentKind.DepositInvoice] = "Deposit invoice",
            [DocumentKind.CreditNote] = "Credit note",
            [DocumentKind.TouristTaxStatement] = "Tourist tax statement",
        },
    };

    /// <summary>« : » after a label; French sets a no-break space before the colon.</summary>
    public required string Colon { get; init; }
    /// <summary>Before a document's number: « N° ».</summary>
    public required string Number { get; init; }
    /// <summary>Before a version's number: « version ».</summary>
    public required string Version { get; init; }
    /// <summary>The label of the issue date in the header: « Date d'émission ».</summary>
    public required string IssuedOn { get; init; }
    /// <summary>The customer panel's caption: « Client ».</summary>
    public required string Customer { get; init; }
    /// <summary>The stay panel's caption: « Séjour ».</summary>
    public required string Stay { get; init; }
    /// <summary>The stay's first day: « Arrivée ».</summary>
    public required string Arrival { get; init; }
    /// <summary>The stay's last day: « Départ ».</summary>
    public required string Departure { get; init; }
    /// <summary>The stay's number of nights: « Durée ».</summary>
    public required string Duration { get; init; }
    /// <summary>Who stays: adults and children: « Participants ».</summary>
    public required string Party { get; init; }
    /// <summary>One night: « nuit ».</summary>
    public required string Night { get; init; }
    /// <summary>Several nights: « nuits ».</summary>
    public required string Nights { get; init; }
    /// <summary>One adult: « adulte ».</summary>
    public required string Adult { get; init; }
    /// <summary>Several adults: « adultes ».</summary>
    public required string Adults { get; init; }
    /// <summary>One child: « enfant ».</summary>
    public required string Child { get; init; }
    /// <summary>Several children: « enfants ».</summary>
    public required string Children { get; init; }
    /// <summary>After the children's ages: « ans ».</summary>
    public required string Years { get; init; }
    /// <summary>Before the last of a list: « et ».</summary>
    public required string And { get; init; }
    /// <summary>The lines table's caption: « Prestations ».</summary>
    public required string Services { get; init; }
    /// <summary>The lines table's first column: « Désignation ».</summary>
    public required string Designation { get; init; }
    /// <summary>The quantity column: « Qté ».</summary>
    public required string Quantity { get; init; }
    /// <summary>The unit price column (VAT included): « P.U. TTC ».</summary>
    public required string UnitPrice { get; init; }
    /// <summary>The VAT rate column: « TVA ».</summary>
    public required string VatRate { get; init; }
    /// <summary>The amount column (VAT included): « Montant TTC ».</summary>
    public required string Amount { get; init; }
    /// <summary>The unit price column of a table priced excluding VAT (an invoice's): « P.U. HT ».</summary>
    public required string UnitPriceExclVat { get; init; }
    /// <summary>The amount column of a table priced excluding VAT: « Montant HT ».</summary>
    public required string AmountExclVat { get; init; }
    /// <summary>The VAT breakdown's caption: « Détail de la TVA ».</summary>
    public required string VatBreakdown { get; init; }
    /// <summary>The VAT breakdown's rate column: « Taux ».</summary>
    public required string Rate { get; init; }
    /// <summary>The VAT breakdown's base column: « Base HT ».</summary>
    public required string BaseExclVat { get; init; }
    /// <summary>The VAT breakdown's VAT column: « TVA ».</summary>
    public required string Vat { get; init; }
    /// <summary>The totals' caption: « Totaux ».</summary>
    public required string Totals { get; init; }
    /// <summary>The total before VAT: « Total HT ».</summary>
    public required string TotalExclVat { get; init; }
    /// <summary>The VAT: « Total TVA ».</summary>
    public required string TotalVat { get; init; }
    /// <summary>The total with VAT: « Total TTC ».</summary>
    public required string TotalInclVat { get; init; }
    /// <summary>The tourist tax's row: « Taxe de séjour ».</summary>
    public required string TouristTax { get; init; }
    /// <summary>Why the tourist tax is outside the VAT: « hors TVA ».</summary>
    public required string TouristTaxNote { get; init; }
    /// <summary>The amount to pay, unless the totals name it otherwise: « Net à payer ».</summary>
    public required string GrandTotal { get; init; }
    /// <summary>Before the seller's SIRET in the footer: « SIRET ».</summary>
    public required string Siret { get; init; }
    /// <summary>Before the seller's VAT number: « TVA intracommunautaire ».</summary>
    public required string VatNumber { get; init; }
    /// <summary>Before a travel operator's registration: « Immatriculation ».</summary>
    public required string Registration { get; init; }
    /// <summary>Before « n / N » in the footer: « Page ».</summary>
    public required string Page { get; init; }

    /// <summary>The title in the header, in capitals: « DEVIS », « FACTURE », « FACTURE D'ACOMPTE », « AVOIR ».</summary>
    public required IReadOnlyDictionary<DocumentKind, string> Titles { get; init; }

    /// <summary>The kind in a sentence, before the number: « Devis DEV-2026-00042 », « Facture FAC-2027-00012 ».</summary>
    public required IReadOnlyDictionary<DocumentKind, string> Names { get; init; }

    /// <summary>The words of a language.</summary>
    public static DocumentText For(DocumentLanguage language) =>
        language == DocumentLanguage.English ? English : French;
}
