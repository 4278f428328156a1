using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using static CommercialManagement.Notification.Worker.Templates.PaymentWords;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// The email that carries an invoice or a credit note (its PDF attached), in the customer's language: « facture
/// d'acompte », « facture », « avoir » (and the invoice it corrects), its amount and date, the link to the space.
/// </summary>
internal static class InvoiceEmailTemplates
{
    /// <param name="customerSpaceLink">Null when the case's token is not known: the document is attached all the same.</param>
    public static RenderedEmail InvoiceIssued(InvoiceIssued invoice, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var amount = Euros.InText(invoice.AmountCents, english);
        var date = Day(invoice.IssueDate, english);
        var number = invoice.Number.Trim();
        var creditNote = invoice.Kind == "CreditNote";
        var corrects = string.IsNullOrWhiteSpace(invoice.CorrectsNumber) ? null : invoice.CorrectsNumber.Trim();
        var document = Document(invoice.Kind, english);
        var subject = english
            ? $"Your {document} {number} — {parties.OrganisationName}"
            : $"Votre {document} {number} — {parties.OrganisationName}";
        List<string> paragraphs = [PaymentEmailTemplates.Hello(parties)];
        paragraphs.Add((english, invoice.Kind) switch
        {
            (true, "CreditNote") => $"Please find attached our credit note {number} of {date}, for {amount}{(corrects is null ? "" : $", which corrects invoice {corrects}")}.",
            (true, "Deposit") => $"Please find attached our deposit invoice {number} of {date}, for {amount}: the deposit you paid for your booking.",
            (true, _) => $"Please find attached our invoice {number} of {date}, for {amount}.",
            (false, "CreditNote") => $"Veuillez trouver ci-joint notre avoir {number} du {date}, d'un montant de {amount}{(corrects is null ? "" : $", qui corrige la facture {corrects}")}.",
            (false, "Deposit") => $"Veuillez trouver ci-joint notre facture d'acompte {number} du {date}, d'un montant de {amount} : l'acompte que vous avez versé pour votre réservation.",
            (false, _) => $"Veuillez trouver ci-joint notre facture {number} du {date}, d'un montant de {amount}.",
        });
        paragraphs.Add((english, creditNote, customerSpaceLink is null) switch
        {
            (true, true, true) => "The credit note is attached to this email as a PDF; please keep it.",
            (true, true, false) => "The credit note is attached to this email as a PDF; please keep it. You will also find it in your customer space.",
            (true, false, true) => "The invoice is attached to this email as a PDF; please keep it.",
            (true, false, false) => "The invoice is attached to this email as a PDF; please keep it. You will also find it in your customer space.",
            (false, true, true) => "L'avoir est joint à cet e-mail au format PDF ; conservez-le.",
            (false, true, false) => "L'avoir est joint à cet e-mail au format PDF ; conservez-le. Vous le retrouverez aussi dans votre espace client.",
            (false, false, true) => "La facture est jointe à cet e-mail au format PDF ; conservez-la.",
            (false, false, false) => "La facture est jointe à cet e-mail au format PDF ; conservez-la. Vous la retrouverez aussi dans votre espace client.",
        });
        paragraphs.Add(english ? "For any question, simply reply to this email." : "Pour toute question, répondez simplement à cet e-mail.");
        return PaymentEmailTemplates.Render(subject, parties, paragraphs, PaymentEmailTemplates.SpaceLink(customerSpaceLink, english));
    }

    /// <summary>« facture d'acompte », « facture », « avoir »; « deposit invoice », « invoice », « credit note ».</summary>
    public static string Document(string kind, bool english) => (kind, english) switch
    {
        ("Deposit", false) => "facture d'acompte",
        ("CreditNote", false) => "avoir",
        (_, false) => "facture",
        ("Deposit", true) => "deposit invoice",
        ("CreditNote", true) => "credit note",
        (_, true) => "invoice",
    };
}
