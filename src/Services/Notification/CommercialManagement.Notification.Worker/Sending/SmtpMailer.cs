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
    public SmtpConnection Connect() => new(Server, options.Value.SmtpTimeout);

    /// <summary>Where the Message-IDs say they come from when the sending address has no domain to lend them.</summary>
    public const string FallbackMessageIdDomain = "commercialmanagement.local";

    /// <summary>
    /// The Message-ID an email leaves with, no angle brackets: <c>{email id}@{domain of the sending address}</c>. The same
    /// on every attempt, so a copy sent twice (a sender that died after sending) is known for one by the customer's mailbox,
    /// and a reply names an email Inbox can find.
    /// </summary>
    public string MessageIdOf(EmailMessage email) => $"{email.Id:N}@{MessageIdDomain()}";

    /// <summary>
    /// Where delivery failure reports go (the SMTP envelope sender): the tagged reply address of a customer's email when
    /// <see cref="EmailOptions.BouncesToReplyMailbox"/> is on, else null (the From address, as before).
    /// </summary>
    public MailboxAddress? EnvelopeSenderOf(EmailMessage email) =>
        options.Value.BouncesToReplyMailbox && email.ToCustomer && email.ReplyTo is { } replyTo && replyTo.Contains('+', StringComparison.Ordinal)
            && MailboxAddress.TryParse(replyTo, out var address)
            ? address
            : null;

    /// <param name="thread">The case's emails it answers and refers to (EmailThreads); null for none.</param>
    public MimeMessage Build(EmailMessage email, IReadOnlyList<EmailAttachment> attachments, EmailThread? thread = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, options.Value.FromAddress));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = MessageIdOf(email);
        if (thread is not null)
        {
            Thread(message, thread);
        }

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// The threading headers. Every id was checked when it was kept (MessageIds.Normalise, or ours); one MIME would still
    /// refuse is left out rather than stop the email: threading helps the customer's mail client, it is not the message.
    /// </summary>
    private static void Thread(MimeMessage message, EmailThread thread)
    {
        try
        {
            message.InReplyTo = thread.InReplyTo;
        }
        catch (ArgumentException)
        {
            // Left out; the References below still thread it.
        }

        foreach (var reference in thread.References)
        {
            try
            {
                message.References.Add(reference);
            }
            catch (ArgumentException)
            {
                // Left out, as above.
            }
        }
    }

    private string MessageIdDomain() =>
        MailboxAddress.TryParse(options.Value.FromAddress, out var from) && from.Domain is { Length: > 0 } domain ? domain : FallbackMessageIdDomain;

    private Uri Server() => new(configuration.GetConnectionString(ResourceNames.Smtp)
        ?? throw new InvalidOperationException($"ConnectionStrings__{ResourceNames.Smtp} is not set: emails cannot be sent."));
}

/// <summary>
/// One SMTP session reused for many emails (a connection, a greeting and an authentication per email held the sender to
/// ~10 emails/s), renewed every <see cref="MessagesPerSession"/> emails. Any failure drops it; a failure on a session
/// that had already carried mail is tried once more on a fresh one, since the server may have closed it meanwhile (an
/// idle timeout, a per-session limit): only what fails on a fresh session counts as the email's failure.
/// </summary>
internal sealed class SmtpConnection(Func<Uri> server, TimeSpan timeout) : IAsyncDisposable
{
    public const int MessagesPerSession = 100;

    private SmtpClient? _client;
    private int _sent;

    /// <param name="envelopeSender">The SMTP envelope sender, where failure reports go; null for the message's From.</param>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken, MailboxAddress? envelopeSender = null)
    {
        if (_sent >= MessagesPerSession)
        {
            await CloseAsync(cancellationToken);
        }

        var reused = _client is { IsConnected: true };
        try
        {
            await SendOnSessionAsync(message, envelopeSender, cancellationToken);
        }
        catch (Exception) when (reused && !cancellationToken.IsCancellationRequested)
        {
            Drop();
            await SendOnSessionAsync(message, envelopeSender, cancellationToken);
        }
    }

    /// <summary>Says goodbye to the server, if connected: a sender with nothing to send holds no connection. Never throws.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception)
            {
                // Best effort: the server may have gone first; the client is dropped either way.
            }
        }

        Drop();
    }

    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);

    private async Task SendOnSessionAsync(MimeMessage message, MailboxAddress? envelopeSender, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            if (envelopeSender is null)
            {
                await client.SendAsync(message, cancellationToken);
            }
            else
            {
                await client.SendAsync(message, envelopeSender, message.To.Mailboxes, cancellationToken);
            }

            _sent++;
        }
        catch
        {
            Drop();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        Drop();
        var address = server();
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        _client = client;
        var security = address.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(address.Host, address.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            var credentials = address.UserInfo.Split(':', 2);
            await client.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "", cancellationToken);
        }

        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
        _sent = 0;
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
