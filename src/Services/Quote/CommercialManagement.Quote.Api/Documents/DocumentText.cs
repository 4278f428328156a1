namespace CommercialManagement.Quote.Api.Documents;

internal sealed record DocumentText
{
    public static readonly DocumentText French = new()
    {
        Colon = "\u00A0: ",
        Title = "DEVIS",
        Number = "N°",
        Version = "version",
        IssuedOn = "Date d'émission",
        ValidUntil = "Valable jusqu'au",
        Draft = "Brouillon",
        DraftNotice = "Document de travail : ce devis n'a pas encore été envoyé et ne vaut pas offre.",
        Accepted = "Accepté",
        AcceptedOn = "Accepté le",
        Voided = "ANNULÉ",
        VoidedNotice = "Ce devis est annulé : il ne peut plus être accepté ni payé.",
        VoidReason = "Motif",
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
        Continued = "suite",
        Designation = "Désignation",
        Quantity = "Qté",
        UnitPrice = "P.U. TTC",
        VatRate = "TVA",
        Amount = "Montant TTC",
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
        Schedule = "Échéancier de paiement",
        Deposit = "Acompte",
        Balance = "Solde",
        WholeAmount = "Règlement intégral",
        OnSignature = "à la signature",
        DueBy = "au plus tard le",
        Validity = "Offre valable jusqu'au {0}. Les prix s'entendent en euros, toutes taxes comprises.",
        Acceptance = "Lu et approuvé, bon pour accord. Date et signature du client\u00A0:",
        Terms = "Conditions générales de vente",
        Siret = "SIRET",
        VatNumber = "TVA intracommunautaire",
        Registration = "Immatriculation",
        Page = "Page",
        QuoteReference = "Devis",
    };

    public static readonly DocumentText English = French with
    {
        Colon = ": ",
        Title = "QUOTE",
        Number = "No.",
        IssuedOn = "Issue date",
        ValidUntil = "Valid until",
        Draft = "Draft",
        DraftNotice = "Working copy: this quote has not been sent yet and is not an offer.",
        Accepted = "Accepted",
        AcceptedOn = "Accepted on",
        Voided = "ANNULÉ / CANCELLED",
        VoidedNotice = "This quote is cancelled: it can no longer be accepted or paid.",
        VoidReason = "Reason",
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
        Continued = "continued",
        Designation = "Description",
        Quantity = "Qty",
        UnitPrice = "Unit price",
        VatRate = "VAT",
        Amount = "Amount",
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
        Schedule = "Payment schedule",
        Deposit = "Deposit",
        Balance = "Balance",
        WholeAmount = "Full payment",
        OnSignature = "on acceptance",
        DueBy = "due by",
        Validity = "This offer is valid until {0}. Prices are in euros, all taxes included.",
        Acceptance = "Read and agreed. Date and customer's signature:",
        Terms = "Terms and conditions of sale",
        VatNumber = "VAT number",
        Registration = "Registration",
        QuoteReference = "Quote",
    };

    /// <summary>French sets a no-break space before the colon.</summary>
    public required string Colon { get; init; }
    public required string Title { get; init; }
    public required string Number { get; init; }
    public required string Version { get; init; }
    public required string IssuedOn { get; init; }
    public required string ValidUntil { get; init; }
    public required string Draft { get; init; }
    public required string DraftNotice { get; init; }
    public required string Accepted { get; init; }
    public required string AcceptedOn { get; init; }
    public required string Voided { get; init; }
    public required string VoidedNotice { get; init; }
    public required string VoidReason { get; init; }
    public required string Customer { get; init; }
    public required string Stay { get; init; }
    public required string Arrival { get; init; }
    public required string Departure { get; init; }
    public required string Duration { get; init; }
    public required string Party { get; init; }
    public required string Night { get; init; }
    public required string Nights { get; init; }
    public required string Adult { get; init; }
    public required string Adults { get; init; }
    public required string Child { get; init; }
    public required string Children { get; init; }
    public required string Years { get; init; }
    public required string And { get; init; }
    public required string Services { get; init; }
    public required string Continued { get; init; }
    public required string Designation { get; init; }
    public required string Quantity { get; init; }
    public required string UnitPrice { get; init; }
    public required string VatRate { get; init; }
    public required string Amount { get; init; }
    public required string VatBreakdown { get; init; }
    public required string Rate { get; init; }
    public required string BaseExclVat { get; init; }
    public required string Vat { get; init; }
    public required string Totals { get; init; }
    public required string TotalExclVat { get; init; }
    public required string TotalVat { get; init; }
    public required string TotalInclVat { get; init; }
    public required string TouristTax { get; init; }
    public required string TouristTaxNote { get; init; }
    public required string GrandTotal { get; init; }
    public required string Schedule { get; init; }
    public required string Deposit { get; init; }
    public required string Balance { get; init; }
    public required string WholeAmount { get; init; }
    public required string OnSignature { get; init; }
    public required string DueBy { get; init; }
    public required string Validity { get; init; }
    public required string Acceptance { get; init; }
    public required string Terms { get; init; }
    public required string Siret { get; init; }
    public required string VatNumber { get; init; }
    public required string Registration { get; init; }
    public required string Page { get; init; }
    public required string QuoteReference { get; init; }

    public static DocumentText For(DocumentLanguage language) =>
        language == DocumentLanguage.English ? English : French;
}
