namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// The emails time sends about a quote (issue 17), in the customer's language: the follow-up before it expires, and the
/// notice that it expired, why, and how to ask again.
/// </summary>
internal static class QuoteValidityEmailTemplates
{
    public static RenderedEmail QuoteExpired(string number, DateOnly validUntil, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var day = PaymentWords.Day(validUntil, english);
        var subject = english
            ? $"Your quote {number} has expired — {parties.OrganisationName}"
            : $"Votre devis {number} a expiré — {parties.OrganisationName}";
        string[] paragraphs = english
            ?
            [
                PaymentEmailTemplates.Hello(parties),
                $"Quote {number} was valid until {day}. That date has passed: it can no longer be accepted, and the places it held for you have been released.",
                "Still interested? Simply reply to this email or write to us from your customer space: we will check what is still available and send you a new quote.",
            ]
            :
            [
                PaymentEmailTemplates.Hello(parties),
                $"Le devis {number} était valable jusqu'au {day}. Cette date est passée : il ne peut plus être accepté, et les places qu'il vous réservait ont été libérées.",
                "Votre projet tient toujours ? Répondez simplement à cet e-mail ou écrivez-nous depuis votre espace client : nous vérifierons les disponibilités et vous enverrons un nouveau devis.",
            ];
        return PaymentEmailTemplates.Render(subject, parties, paragraphs, PaymentEmailTemplates.SpaceLink(customerSpaceLink, english));
    }

    public static RenderedEmail QuoteFollowUp(string number, DateOnly validUntil, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var day = PaymentWords.Day(validUntil, english);
        var subject = english
            ? $"Your quote {number} is valid until {day} — {parties.OrganisationName}"
            : $"Votre devis {number} est valable jusqu'au {day} — {parties.OrganisationName}";
        string[] paragraphs = english
            ?
            [
                PaymentEmailTemplates.Hello(parties),
                $"We sent you quote {number}; it is valid until {day}. Until then, the places it holds are kept for you.",
                "You can read it and accept it online from your customer space. A question, a change? Simply reply to this email.",
            ]
            :
            [
                PaymentEmailTemplates.Hello(parties),
                $"Nous vous avons envoyé le devis {number} ; il est valable jusqu'au {day}. D'ici là, les places qu'il prévoit vous sont réservées.",
                "Vous pouvez le consulter et l'accepter en ligne depuis votre espace client. Une question, un changement ? Répondez simplement à cet e-mail.",
            ];
        return PaymentEmailTemplates.Render(subject, parties, paragraphs, PaymentEmailTemplates.SpaceLink(customerSpaceLink, english));
    }
}
