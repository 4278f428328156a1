using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// The emails to staff, always in French. They say what happened and link to the back office, and carry none of the
/// customer's text: personal data stays in the application.
/// </summary>
internal static class StaffAlertTemplates
{
    public static RenderedEmail CustomerReply(CustomerMessagePosted posted, string organisationName, string? staffName, string requestLink)
    {
        string[] paragraphs =
        [
            string.IsNullOrWhiteSpace(staffName) ? "Bonjour," : $"Bonjour {staffName},",
            $"{posted.CustomerName} a répondu dans la conversation de sa demande.",
            "Son message n'est pas recopié ici : lisez-le et répondez-lui dans la gestion commerciale.",
        ];
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine($"Nouveau message de {posted.CustomerName}"), English: false, organisationName, paragraphs,
            new EmailLink("Ouvrir la demande", requestLink),
            ["Gestion commerciale", organisationName]));
    }

    /// <summary>An alert the bell also shows (an acceptance or a payment online): its own words, and a link to the dossier.</summary>
    public static RenderedEmail Alert(string text, string organisationName, string? staffName, string dossierLink)
    {
        string[] paragraphs =
        [
            string.IsNullOrWhiteSpace(staffName) ? "Bonjour," : $"Bonjour {staffName},",
            text,
            "Le dossier est à jour dans la gestion commerciale.",
        ];
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(text.TrimEnd('.')), English: false, organisationName, paragraphs,
            new EmailLink("Ouvrir le dossier", dossierLink),
            ["Gestion commerciale", organisationName]));
    }
}
