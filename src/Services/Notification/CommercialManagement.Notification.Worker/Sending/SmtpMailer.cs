using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.ServiceDefaults;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>Sends one email through the SMTP server of ConnectionStrings__smtp (smtp://host:port, or smtps://).</summary>
internal sealed class SmtpMailer(IConfiguration configuration, IOptions<EmailOptions> options)
{
    public async Task SendAsync(EmailMessage email, IReadOnlyList<EmailAttachment> attachments, CancellationToken cancellationToken)
    {
        var server = new Uri(configuration.GetConnectionString(ResourceNames.Smtp)
            ?? throw new InvalidOperationException($"ConnectionStrings__{ResourceNames.Smtp} is not set: emails cannot be sent."));
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, options.Value.FromAddress));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id:N}@commercialmanagement";
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)options.Value.SmtpTimeout.TotalMilliseconds };
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(server.Host, server.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(server.UserInfo))
        {
            var credentials = server.UserInfo.Split(':', 2);
            await client.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

internal static class SmtpFailure
{
    /// <summary>A 5xx answer or an address that cannot be parsed will fail again: no retry. Anything else may pass later.</summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500,
        ParseException or FormatException => true,
        _ => false,
    };
}
