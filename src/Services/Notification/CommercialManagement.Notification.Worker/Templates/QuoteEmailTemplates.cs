using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>The email that carries a sent quote (its PDF attached), and the notice that it was replaced, in the customer's language.</summary>
internal static class QuoteEmailTemplates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="customerSpaceLink">Null only when the case's token never arrived: the customer answers by email then.</param>
    public static RenderedEmail QuoteSent(QuoteSent quote, string organisationName, string? contactEmail, string? contactPhone, string? customerSpaceLink)
    {
        var english = quote.Language == "en";
        var name = string.IsNullOrWhiteSpace(quote.CustomerName) ? null : quote.CustomerName.Trim();
        var total = Euros.InText(quote.TotalCents, english);
        var replaces = quote.Version > 1;
        if (quote.PreviousTotalCents is { } previous)
        {
            return AmendmentSent(quote, previous, name, organisationName, contactEmail, contactPhone, customerSpaceLink);
        }

        var subject = english ? $"Your quote {quote.Number} — {organisationName}" : $"Votre devis {quote.Number} — {organisationName}";
        List<string> paragraphs = english
            ?
            [
                name is null ? "Hello," : $"Hello {name},",
                $"Please find attached our quote {quote.Number}{(replaces ? $" (version {quote.Version}, which replaces the previous one)" : "")}, for a total of {total} including VAT.",
            ]
            :
            [
                name is null ? "Bonjour," : $"Bonjour {name},",
                $"Veuillez trouver ci-joint notre devis {quote.Number}{(replaces ? $" (version {quote.Version}, qui remplace la précédente)" : "")}, d'un montant total de {total} TTC.",
            ];
        if (quote.ValidUntil is { } until)
        {
            paragraphs.Add(english
                ? $"It is valid until {until.ToString("d MMMM yyyy", British)}."
                : $"Il est valable jusqu'au {until.ToString("d MMMM yyyy", French)}.");
        }

        paragraphs.Add((english, customerSpaceLink is null) switch
        {
            (true, false) => "You can read it and accept it online in your customer space. For any question, simply reply to this email.",
            (true, true) => "To accept it, or for any question, simply reply to this email.",
            (false, false) => "Vous pouvez le consulter et l'accepter en ligne dans votre espace client. Pour toute question, répondez simplement à cet e-mail.",
            (false, true) => "Pour l'accepter, ou pour toute question, répondez simplement à cet e-mail.",
        });
        var link = customerSpaceLink is null
            ? null
            : new EmailLink(english ? "Read and accept the quote" : "Consulter et accepter le devis", customerSpaceLink);
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(subject), english, organisationName, paragraphs, link,
            [english ? "Kind regards," : "Bien cordialement,", organisationName, contactPhone ?? "", contactEmail ?? ""]));
    }

    /// <summary>
    /// « Envoyer la modification » (issue 16): the customer's accepted order changed, the new version attached, to accept
    /// again in the customer space; what they accepted stands until then, and their payments stay.
    /// </summary>
    private static RenderedEmail AmendmentSent(
        QuoteSent quote, long previousTotalCents, string? name, string organisationName, string? contactEmail, string? contactPhone, string? customerSpaceLink)
    {
        var english = quote.Language == "en";
        var total = Euros.InText(quote.TotalCents, english);
        var before = Euros.InText(previousTotalCents, english);
        var subject = english
            ? $"A change to your order {quote.Number} — {organisationName}"
            : $"Modification de votre commande {quote.Number} — {organisationName}";
        List<string> paragraphs = english
            ?
            [
                name is null ? "Hello," : $"Hello {name},",
                $"As agreed, here is the change to your order {quote.Number} (version {quote.Version}, attached): its new total is {total} including VAT, instead of {before}.",
                "The payments you have made stay counted: what is still due follows the new total. Until you accept the change, the order you accepted stands.",
            ]
            :
            [
                name is null ? "Bonjour," : $"Bonjour {name},",
                $"Comme convenu, voici la modification de votre commande {quote.Number} (version {quote.Version}, ci-jointe) : son nouveau total est de {total} TTC, au lieu de {before}.",
                "Vos paiements déjà faits restent acquis : ce qui reste à payer suit le nouveau total. Tant que vous n'avez pas accepté la modification, la commande que vous avez acceptée reste valable.",
            ];
        if (quote.ValidUntil is { } until)
        {
            paragraphs.Add(english
                ? $"This change can be accepted until {until.ToString("d MMMM yyyy", British)}."
                : $"Cette modification peut être acceptée jusqu'au {until.ToString("d MMMM yyyy", French)}.");
        }

        paragraphs.Add(customerSpaceLink is null
            ? english ? "To accept it, or for any question, simply reply to this email." : "Pour l'accepter, ou pour toute question, répondez simplement à cet e-mail."
            : english ? "You can read it and accept it online in your customer space. For any question, simply reply to this email."
                : "Vous pouvez la consulter et l'accepter en ligne dans votre espace client. Pour toute question, répondez simplement à cet e-mail.");
        var link = customerSpaceLink is null
            ? null
            : new EmailLink(english ? "Read and accept the change" : "Consulter et accepter la modification", customerSpaceLink);
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(subject), english, organisationName, paragraphs, link,
            [english ? "Kind regards," : "Bien cordialement,", organisationName, contactPhone ?? "", contactEmail ?? ""]));
    }

    /// <summary>
    /// « Votre séjour a changé »: the quote the customer was sent no longer holds after a change of dates or people, and a
    /// new one is being prepared; nothing to do meanwhile.
    /// </summary>
    public static RenderedEmail QuoteReplaced(string? number, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var quote = number is null ? (english ? "the quote" : "le devis") : (english ? $"quote {number}" : $"le devis {number}");
        var subject = english
            ? $"Your stay has changed: a new quote is on its way — {parties.OrganisationName}"
            : $"Votre séjour a changé : un nouveau devis arrive — {parties.OrganisationName}";
        string[] paragraphs = english
            ?
            [
                PaymentEmailTemplates.Hello(parties),
                $"The dates or the people of your stay have changed, so {quote} we sent you is no longer valid and can no longer be accepted.",
                "We are preparing a new quote for your new stay and will email it to you very soon. There is nothing for you to do meanwhile.",
                "For any question, simply reply to this email.",
            ]
            :
            [
                PaymentEmailTemplates.Hello(parties),
                $"Les dates ou les participants de votre séjour ont changé : {quote} que nous vous avions envoyé n'est plus valable et ne peut plus être accepté.",
                "Nous préparons un nouveau devis pour votre nouveau séjour et vous l'enverrons très bientôt par e-mail. Vous n'avez rien à faire d'ici là.",
                "Pour toute question, répondez simplement à cet e-mail.",
            ];
        return PaymentEmailTemplates.Render(subject, parties, paragraphs, PaymentEmailTemplates.SpaceLink(customerSpaceLink, english));
    }
}
