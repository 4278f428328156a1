using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

internal static class ReplyMailboxes
{
    /// <summary>
    /// What Inbox needs to fetch the reply mailboxes (issue 18): the key that encrypts their passwords (the AppHost's
    /// <c>Mailbox:SecretKey</c> when configured, else generated once and kept in the data folder, mode 600), the AppHost's
    /// other <c>Mailbox:*</c> settings (the system tests shorten the poll), a 5-second poll by default here (the mail
    /// catcher never speaks up during IDLE), and, for the demo data, the mail catcher's IMAP server and password.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplyMailboxes(this IResourceBuilder<ProjectResource> project, MailCatcher mail)
    {
        var builder = project.ApplicationBuilder;
        var configured = builder.Configuration["Mailbox:SecretKey"];
        var key = string.IsNullOrWhiteSpace(configured)
            ? MailCatcherExtensions.StoredKey(Path.Combine(LocalInfrastructure.DataFolder(builder, LocalInfrastructure.RepositoryRoot(builder)), "mailbox-secret.key"))
            : configured;
        project.WithEnvironment("Mailbox__SecretKey", builder.AddParameter("mailbox-secret-key", key, secret: true))
            .WithEnvironment("Mailbox__PollInterval", "00:00:05");
        foreach (var (setting, value) in builder.Configuration.GetSection("Mailbox").AsEnumerable())
        {
            if (!string.IsNullOrEmpty(value) && setting != "Mailbox:SecretKey")
            {
                project.WithEnvironment(setting.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return project.WithReference(mail.Imap).WithEnvironment("Demo__MailboxPassword", mail.ImapPassword);
    }
}
