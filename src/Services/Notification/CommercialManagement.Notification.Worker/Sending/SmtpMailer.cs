using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.ServiceDefaults;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>Builds the MIME message of an email and opens connections to the SMTP server of ConnectionStrings__smtp (smtp://host:port, or smtps://).</summary>
internal sealed class SmtpMailer(IConfiguration configuration, IOptions<EmailOptions> options)
{
    /// <summary>A connection that one sender keeps open between emails; it reconnects after a failure.</summary>
    public SmtpConnection Connect() => new(Server(), options.Value.SmtpTimeout);

    public MimeMessage Build(EmailMessage email, IReadOnlyList<EmailAttachment> attachments)
    {
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
        return message;
    }

    private Uri Server() => new(configuration.GetConnectionString(ResourceNames.Smtp)
        ?? throw new InvalidOperationException($"ConnectionStrings__{ResourceNames.Smtp} is not set: emails cannot be sent."));
}

/// <summary>
/// One SMTP session reused for many emails (a connection, a greeting and an authentication per email made the sender
/// crawl at ~10 emails/s); any failure drops it, so the next email starts a clean session.
/// </summary>
internal sealed class SmtpConnection(Uri server, TimeSpan timeout) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    /// <summary>Says goodbye to the server, if connected: a sender with nothing to send holds no connection.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The server went first: nothing to close.
            }
        }

        Drop();
    }

    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        Drop();
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        _client = client;
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(server.Host, server.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(server.UserInfo))
        {
            var credentials = server.UserInfo.Split(':', 2);
            await client.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "", cancellationToken);
        }

        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
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
