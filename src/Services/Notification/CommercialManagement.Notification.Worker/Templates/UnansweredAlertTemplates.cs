namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// The email of an unanswered-request alert (issue 17), in French like every email to staff: the alert's own words and
/// a link to the conversation; none of the customer's text.
/// </summary>
internal static class UnansweredAlertTemplates
{
    public static RenderedEmail Alert(string text, string organisationName, string? staffName, string requestLink)
    {
        string[] paragraphs =
        [
            string.IsNullOrWhiteSpace(staffName) ? "Bonjour," : $"Bonjour {staffName},",
            text,
            "Répondez-lui depuis la conversation de la demande, dans la gestion commerciale.",
        ];
        return EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(text.TrimEnd('.')), English: false, organisationName, paragraphs,
            new EmailLink("Ouvrir la demande", requestLink),
            ["Gestion commerciale", organisationName]));
    }
}
