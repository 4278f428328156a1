using System.Globalization;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>The emails to customers, in French or in English (the customer's language).</summary>
internal static class EmailTemplates
{
    public static RenderedEmail RequestAcknowledgement(RequestReceived request, string organisationName, string? contactPhone, string? customerSpaceLink)
    {
        var english = request.Language == "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        var stay = Stay(request, english, culture);
        var subject = english
            ? $"We have received your request — {organisationName}"
            : $"Votre demande a bien été reçue — {organisationName}";
        string[] paragraphs = english
            ?
            [
                $"Hello {request.CustomerName},",
                $"Thank you for your request{stay}. Our team will answer you shortly.",
                "You can simply reply to this email to add anything.",
            ]
            :
            [
                $"Bonjour {request.CustomerName},",
                $"Nous avons bien reçu votre demande{stay}. Notre équipe vous répond au plus vite.",
                "Vous pouvez répondre directement à cet e-mail pour compléter votre demande.",
            ];
        // Events written before the customer space existed carry no token: no link then.
        var link = customerSpaceLink is null ? null : new EmailLink(english ? "Follow your request and reply to us" : "Suivre votre demande et nous répondre", customerSpaceLink);
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(subject), english, organisationName, paragraphs, link,
            [english ? "See you soon," : "À bientôt,", organisationName, contactPhone ?? ""]));
    }

    /// <summary>A staff member's reply, as they wrote it, signed by them, with the way back to the conversation.</summary>
    public static RenderedEmail StaffReply(StaffMessagePosted reply, string organisationName, string? contactPhone, string customerSpaceLink)
    {
        var english = reply.Language == "en";
        var subject = english
            ? $"Reply to your request — {organisationName}"
            : $"Réponse à votre demande — {organisationName}";
        var link = new EmailLink(
            english ? "Read the conversation and reply to us" : "Lire la conversation et nous répondre", customerSpaceLink);
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(subject), english, organisationName, [reply.Body.Trim()], link,
            [reply.StaffName, organisationName, contactPhone ?? ""]));
    }

    private static string Stay(RequestReceived request, bool english, CultureInfo culture)
    {
        if (request.Arrival is not { } arrival || request.Departure is not { } departure)
        {
            return "";
        }

        var children = request.ChildrenAges.Count;
        var party = english
            ? $"{request.Adults} adult{(request.Adults > 1 ? "s" : "")}{(children > 0 ? $", {children} child{(children > 1 ? "ren" : "")}" : "")}"
            : $"{request.Adults} adulte{(request.Adults > 1 ? "s" : "")}{(children > 0 ? $", {children} enfant{(children > 1 ? "s" : "")}" : "")}";
        return english
            ? $" for a stay from {arrival.ToString("d MMMM yyyy", culture)} to {departure.ToString("d MMMM yyyy", culture)} ({party})"
            : $" pour un séjour du {arrival.ToString("d MMMM yyyy", culture)} au {departure.ToString("d MMMM yyyy", culture)} ({party})";
    }
}
