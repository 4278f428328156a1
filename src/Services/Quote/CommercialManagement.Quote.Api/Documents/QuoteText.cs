using CommercialManagement.Documents;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>The words of a quote's own sections; the kit's sections take theirs from <see cref="DocumentText"/>.</summary>
internal sealed record QuoteText
{
    public static readonly QuoteText French = new()
    {
        ValidUntil = "Valable jusqu'au",
        Draft = "Brouillon",
        DraftNotice = "Document de travail : ce devis n'a pas encore été envoyé et ne vaut pas offre.",
        Accepted = "Accepté",
        AcceptedOn = "Accepté le",
        Voided = "ANNULÉ",
        VoidedNotice = "Ce devis est annulé : il ne peut plus être accepté ni payé.",
        VoidReason = "Motif",
        Schedule = "Échéancier de paiement",
        Deposit = "Acompte",
        Balance = "Solde",
        WholeAmount = "Règlement intégral",
        OnSignature = "à la signature",
        DueBy = "au plus tard le",
        Validity = "Offre valable jusqu'au {0}. Les prix s'entendent en euros, toutes taxes comprises.",
        Acceptance = "Lu et approuvé, bon pour accord. Date et signature du client\u00A0:",
        Terms = "Conditions générales de vente",
        CancellationTerms = "Conditions d'annulation",
    };

    public static readonly QuoteText English = new()
    {
        ValidUntil = "Valid until",
        Draft = "Draft",
        DraftNotice = "Working copy: this quote has not been sent yet and is not an offer.",
        Accepted = "Accepted",
        AcceptedOn = "Accepted on",
        Voided = "ANNULÉ / CANCELLED",
        VoidedNotice = "This quote is cancelled: it can no longer be accepted or paid.",
        VoidReason = "Reason",
        Schedule = "Payment schedule",
        Deposit = "Deposit",
        Balance = "Balance",
        WholeAmount = "Full payment",
        OnSignature = "on acceptance",
        DueBy = "due by",
        Validity = "This offer is valid until {0}. Prices are in euros, all taxes included.",
        Acceptance = "Read and agreed. Date and customer's signature:",
        Terms = "Terms and conditions of sale",
        CancellationTerms = "Cancellation terms",
    };

    public required string ValidUntil { get; init; }
    public required string Draft { get; init; }
    public required string DraftNotice { get; init; }
    public required string Accepted { get; init; }
    public required string AcceptedOn { get; init; }
    public required string Voided { get; init; }
    public required string VoidedNotice { get; init; }
    public required string VoidReason { get; init; }
    public required string Schedule { get; init; }
    public required string Deposit { get; init; }
    public required string Balance { get; init; }
    public required string WholeAmount { get; init; }
    public required string OnSignature { get; init; }
    public required string DueBy { get; init; }
    public required string Validity { get; init; }
    public required string Acceptance { get; init; }
    public required string Terms { get; init; }
    public required string CancellationTerms { get; init; }

    public static QuoteText For(DocumentLanguage language) =>
        language == DocumentLanguage.English ? English : French;
}
