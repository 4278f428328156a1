using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// « Votre réservation … est annulée », in the customer's language: who asked, why when the organisation did (a customer
/// knows their own reason), what is kept and what is refunded, the documents that follow by email.
/// </summary>
internal static class CancellationEmailTemplates
{
    /// <param name="customerSpaceLink">Null when the case's token is not known: the email goes without it.</param>
    public static RenderedEmail CaseCancelled(CaseCancelled cancelled, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var number = cancelled.QuoteNumber.Trim();
        var byUs = cancelled.RequestedBy == "Organisation";
        var subject = english
            ? $"Your booking {number} is cancelled — {parties.OrganisationName}"
            : $"Votre réservation {number} est annulée — {parties.OrganisationName}";
        List<string> paragraphs =
        [
            PaymentEmailTemplates.Hello(parties),
            (english, byUs) switch
            {
                (true, true) => $"We have cancelled your booking (quote {number}) on our initiative.",
                (true, false) => $"Your booking (quote {number}) is cancelled at your request.",
                (false, true) => $"Nous avons annulé votre réservation (devis {number}) à notre initiative.",
                (false, false) => $"Votre réservation (devis {number}) est annulée à votre demande.",
            },
        ];
        if (byUs && !string.IsNullOrWhiteSpace(cancelled.Reason))
        {
            paragraphs.Add(english ? $"Reason: {cancelled.Reason.Trim()}" : $"Motif : {cancelled.Reason.Trim()}");
        }

        paragraphs.AddRange(Amounts(cancelled, english));
        paragraphs.Add(english ? "For any question, simply reply to this email." : "Pour toute question, répondez simplement à cet e-mail.");
        return PaymentEmailTemplates.Render(subject, parties, paragraphs, PaymentEmailTemplates.SpaceLink(customerSpaceLink, english));
    }

    /// <summary>What is kept (under the terms, or as the organisation decided), what comes back, and the documents to follow.</summary>
    private static IEnumerable<string> Amounts(CaseCancelled cancelled, bool english)
    {
        var kept = Math.Max(cancelled.RetainedCents, 0);
        var refund = Math.Max(cancelled.RefundCents, 0);
        if (kept == 0 && refund == 0)
        {
            yield return english
                ? "No payment had been made for this booking: there is nothing to refund."
                : "Aucun paiement n'avait été effectué pour cette réservation : il n'y a rien à rembourser.";
            yield break;
        }

        if (kept > 0)
        {
            var amount = Euros.InText(kept, english);
            // An Admin's amount is not the terms': the email does not claim it is.
            yield return (english, cancelled.OverrideReason is null) switch
            {
                (true, true) => $"Under our cancellation terms, we keep {amount} as a cancellation fee.",
                (true, false) => $"We keep {amount} as a cancellation fee.",
                (false, true) => $"Conformément à nos conditions d'annulation, nous conservons {amount} au titre de l'indemnité d'annulation.",
                (false, false) => $"Nous conservons {amount} au titre de l'indemnité d'annulation.",
            };
        }

        if (refund > 0)
        {
            var amount = Euros.InText(refund, english);
            yield return english
                ? $"You will receive a refund of {amount}."
                : $"Vous recevrez un remboursement de {amount}.";
        }

        yield return (english, kept > 0) switch
        {
            (true, true) => "You will receive in separate emails the credit note that cancels our invoices, and the invoice for the cancellation fee.",
            (true, false) => "You will receive in a separate email the credit note that cancels our invoices.",
            (false, true) => "Vous recevrez par des e-mails séparés l'avoir qui annule nos factures, ainsi que la facture de l'indemnité d'annulation.",
            (false, false) => "Vous recevrez par un e-mail séparé l'avoir qui annule nos factures.",
        };
    }
}
