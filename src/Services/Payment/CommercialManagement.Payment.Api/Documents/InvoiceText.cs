namespace CommercialManagement.Payment.Api.Documents;

/// <summary>The words of an invoice or a credit note that the document kit does not know, in the customer's language.</summary>
internal sealed record InvoiceText
{
    public static readonly InvoiceText French = new()
    {
        Paid = "ACQUITTÉE", QuoteReference = "Selon le devis accepté {0}.", Corrects = "Avoir sur la facture {0} du {1} ({2}). Motif : {3}.",
        TouristTax = "Taxe de séjour (non soumise à la TVA)", DepositDeducted = "Acompte facturé", DepositDeductedNote = "{0} du {1}", PaymentReceived = "Payé le {0}", Reference = "Référence",
        Due = "Reste à payer", NetToPay = "Net à payer", CreditTotal = "Montant de l'avoir", Terms = "Paiement et mentions légales",
        ServiceDate = "Date de la prestation : séjour du {0} au {1}.", PaidOn = "Facture acquittée le {0}.",
        DueBefore = "Reste à payer : {0}, avant le début du séjour ({1}).", CreditRefunded = "Le montant de cet avoir est remboursé selon le moyen de paiement d'origine.",
        TouristTaxNote = "La taxe de séjour est perçue pour le compte de la commune ; elle n'est pas soumise à la TVA.",
        NoDiscount = "Pas d'escompte pour paiement anticipé.",
        CancellationFeeNote = "Indemnité d'annulation hors du champ de la TVA (absence de contrepartie : CJCE, 18 juillet 2007, C-277/05) ; réglée sur les sommes déjà versées.",
        RecoveryIndemnity = "Indemnité forfaitaire pour frais de recouvrement due au créancier en cas de retard de paiement : 40 € (art. L441-10 et D441-5 du Code de commerce).",
        CustomerCompanyId = "SIREN/SIRET {0}", CustomerVatNumber = "TVA intracommunautaire {0}",
    };

    public static readonly InvoiceText English = new()
    {
        Paid = "PAID", QuoteReference = "As per accepted quote {0}.", Corrects = "Credit note on invoice {0} of {1} ({2}). Reason: {3}.",
        TouristTax = "Tourist tax (not subject to VAT)", DepositDeducted = "Deposit invoiced", DepositDeductedNote = "{0} of {1}", PaymentReceived = "Paid on {0}", Reference = "Reference",
        Due = "Left to pay", NetToPay = "Net to pay", CreditTotal = "Credit note amount", Terms = "Payment and legal notices",
        ServiceDate = "Date of service: stay from {0} to {1}.", PaidOn = "Invoice paid on {0}.",
        DueBefore = "Left to pay: {0}, before the stay begins ({1}).", CreditRefunded = "The amount of this credit note is refunded by the original means of payment.",
        TouristTaxNote = "The tourist tax is collected on behalf of the municipality; it is not subject to VAT.",
        NoDiscount = "No discount for early payment.",
        CancellationFeeNote = "Cancellation indemnity outside the scope of VAT (no consideration: CJEU, 18 July 2007, C-277/05); settled from the sums already paid.",
        RecoveryIndemnity = "Fixed indemnity for recovery costs owed to the creditor in case of late payment: €40 (French Commercial Code, L441-10 and D441-5).",
        CustomerCompanyId = "Company no. {0}", CustomerVatNumber = "VAT no. {0}",
    };

    public required string Paid { get; init; }
    public required string QuoteReference { get; init; }
    public required string Corrects { get; init; }
    public required string TouristTax { get; init; }
    public required string DepositDeducted { get; init; }
    public required string DepositDeductedNote { get; init; }
    public required string Reference { get; init; }
    public required string PaymentReceived { get; init; }
    public required string Due { get; init; }
    public required string NetToPay { get; init; }
    public required string CreditTotal { get; init; }
    public required string Terms { get; init; }
    public required string ServiceDate { get; init; }
    public required string PaidOn { get; init; }
    public required string DueBefore { get; init; }
    public required string CreditRefunded { get; init; }
    public required string TouristTaxNote { get; init; }
    public required string NoDiscount { get; init; }
    public required string CancellationFeeNote { get; init; }
    public required string RecoveryIndemnity { get; init; }
    public required string CustomerCompanyId { get; init; }
    public required string CustomerVatNumber { get; init; }

    public static InvoiceText For(string language) => language == "en" ? English : French;
}
