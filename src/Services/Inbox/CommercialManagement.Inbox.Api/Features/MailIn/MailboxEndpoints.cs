using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>The reply mailbox's settings as « Paramètres » edits them; the password is never sent back, only whether one is kept.</summary>
internal sealed record MailboxSettings(
    bool Enabled, string? ReplyAddress, string? Host, int? Port, MailboxSecurity? Security, string? UserName, string? Password,
    string? Folder, string? ProcessedFolder);

internal sealed record MailboxView(
    bool Enabled, string ReplyAddress, string Host, int Port, MailboxSecurity Security, string UserName, bool HasPassword,
    string Folder, string? ProcessedFolder, bool CanKeepPasswords, MailboxStatus Status, IReadOnlyList<RecentEmail> Recent);

internal sealed record MailboxStatus(DateTimeOffset? LastCheckedAt, DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures);

/// <summary>One of the last emails taken from the mailbox, with what became of it (staff see the ignored ones too).</summary>
internal sealed record RecentEmail(Guid Id, string FromAddress, string Subject, DateTimeOffset FetchedAt, InboundOutcome Outcome, string Reason, Guid? RequestId);

internal sealed record MailboxTestResult(int Messages, bool Idle);

/// <summary>
/// « Paramètres › Réponses par e-mail » (issue 18): the reply address and the IMAP account Inbox fetches, for admins.
/// Saving publishes <see cref="ReplyMailboxChanged"/> when the address in use changes, so that the next emails carry it.
/// </summary>
internal static class MailboxEndpoints
{
    public static async Task<Ok<MailboxView>> GetAsync(InboxDbContext db, MailboxSecrets secrets, CancellationToken cancellationToken)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var recent = await db.InboundEmails.AsNoTracking().OrderByDescending(e => e.FetchedAt).Take(20)
            .Select(e => new RecentEmail(e.Id, e.FromAddress, e.Subject, e.FetchedAt, e.Outcome, e.Reason, e.RequestId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(mailbox is null
            ? new MailboxView(false, "", "", 993, MailboxSecurity.Tls, "", false, "INBOX", null, secrets.IsConfigured, new MailboxStatus(null, null, null, 0), recent)
            : new MailboxView(
                mailbox.Enabled, mailbox.ReplyAddress, mailbox.Host, mailbox.Port, mailbox.Security, mailbox.UserName, mailbox.PasswordCipher.Length > 0,
                mailbox.Folder, mailbox.ProcessedFolder, secrets.IsConfigured,
                new MailboxStatus(mailbox.LastCheckedAt, mailbox.LastSuccessAt, mailbox.LastError, mailbox.ConsecutiveFailures), recent));
    }

    public static async Task<Results<Ok<MailboxView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        MailboxSettings body, InboxDbContext db, TenantContext tenant, MailboxSecrets secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!secrets.IsConfigured)
        {
            return NoKey();
        }

        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(cancellationToken);
        if (Validate(body, requirePassword: body.Enabled && (mailbox is null || mailbox.PasswordCipher.Length == 0)) is { } errors)
        {
            return errors;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var before = mailbox is { Enabled: true } ? mailbox.ReplyAddress : null;
        if (mailbox is null)
        {
            mailbox = Mailbox.For(organisationId);
            db.Mailboxes.Add(mailbox);
        }

        var now = time.GetUtcNow();
        mailbox.Configure(
            body.Enabled, Clean(body.ReplyAddress).ToLowerInvariant(), Clean(body.Host).ToLowerInvariant(), body.Port ?? 993, body.Security ?? MailboxSecurity.Tls,
            Clean(body.UserName), string.IsNullOrEmpty(body.Password) ? null : secrets.Encrypt(organisationId, body.Password),
            Clean(body.Folder) is { Length: > 0 } folder ? folder : "INBOX", Clean(body.ProcessedFolder) is { Length: > 0 } processed ? processed : null, now);
        var after = mailbox.Enabled ? mailbox.ReplyAddress : null;
        if (before != after)
        {
            db.AddToOutbox(new ReplyMailboxChanged { OrganisationId = organisationId, OccurredAt = now, ReplyAddress = after });
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await GetAsync(db, secrets, cancellationToken)).Value!);
    }

    /// <summary>Connects, logs in and opens the folder with the settings given (the kept password when none is typed), without saving.</summary>
    public static async Task<Results<Ok<MailboxTestResult>, ValidationProblem, ProblemHttpResult>> TestAsync(
        MailboxSettings body, InboxDbContext db, TenantContext tenant, MailboxSecrets secrets, IOptions<MailInOptions> options,
        CancellationToken cancellationToken)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (Validate(body with { Enabled = true }, requirePassword: mailbox is null || mailbox.PasswordCipher.Length == 0) is { } errors)
        {
            return errors;
        }

        var password = string.IsNullOrEmpty(body.Password) ? secrets.Decrypt(tenant.RequiredOrganisationId, mailbox!.PasswordCipher) : body.Password;
        if (password is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["password"] = ["Le mot de passe enregistré ne peut pas être relu : saisissez-le à nouveau."] },
                title: "Les réglages de la boîte contiennent des erreurs.");
        }

        using var client = new ImapClient { Timeout = (int)Math.Min(options.Value.ServerTimeout.TotalMilliseconds, 15_000) };
        try
        {
            var folder = await OpenFolderAsync(
                client, Clean(body.Host), body.Port!.Value, body.Security ?? MailboxSecurity.Tls, Clean(body.UserName), password,
                Clean(body.Folder) is { Length: > 0 } folderName ? folderName : "INBOX", FolderAccess.ReadOnly, cancellationToken);
            var result = new MailboxTestResult(folder.Count, client.Capabilities.HasFlag(ImapCapabilities.Idle));
            await client.DisconnectAsync(true, cancellationToken);
            return TypedResults.Ok(result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The server's words in the title: that is what the settings page shows.
            var reason = MailboxWatcher.Describe(exception);
            return TypedResults.Problem(
                title: $"La connexion à la boîte a échoué : {reason}", detail: reason, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>Connects, logs in and opens the folder: what the watcher does at each connection and « Tester la connexion » once.</summary>
    public static async Task<IMailFolder> OpenFolderAsync(
        ImapClient client, string host, int port, MailboxSecurity security, string userName, string password, string folderName,
        FolderAccess access, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(host, port, security switch
        {
            MailboxSecurity.Tls => SecureSocketOptions.SslOnConnect,
            MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        }, cancellationToken);
        await client.AuthenticateAsync(userName, password, cancellationToken);
        var folder = string.Equals(folderName, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(folderName, cancellationToken);
        await folder.OpenAsync(access, cancellationToken);
        return folder;
    }

    private static ValidationProblem? Validate(MailboxSettings body, bool requirePassword)
    {
        var errors = new Dictionary<string, string[]>();
        var reply = Clean(body.ReplyAddress);
        if (!MailboxAddress.TryParse(reply, out var address) || !reply.Contains('@', StringComparison.Ordinal) || address.Address != reply)
        {
            errors["replyAddress"] = ["Saisissez l'adresse à laquelle vos clients répondent, par exemple reponses@mon-domaine.fr."];
        }
        else if (reply.Contains('+', StringComparison.Ordinal))
        {
            errors["replyAddress"] = ["L'adresse de réponse ne doit pas contenir « + » : le système y ajoute la référence de chaque conversation."];
        }
        else if (reply.Length > 254 - ReplyAddress.TokenLength - 1 || reply.IndexOf('@', StringComparison.Ordinal) > 64 - ReplyAddress.TokenLength - 1)
        {
            errors["replyAddress"] = ["L'adresse de réponse est trop longue pour porter la référence de la conversation."];
        }

        var host = Clean(body.Host);
        if (host.Length is 0 or > 253 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@'))
        {
            errors["host"] = ["Saisissez le nom du serveur IMAP, par exemple imap.mon-domaine.fr (sans « imap:// » ni port)."];
        }

        if (body.Port is not (>= 1 and <= 65535))
        {
            errors["port"] = ["Le port est un nombre entre 1 et 65535 (993 avec TLS, 143 avec STARTTLS)."];
        }

        if (body.Security == MailboxSecurity.None && host is not ("localhost" or "127.0.0.1" or "::1"))
        {
            errors["security"] = ["Sans chiffrement, le mot de passe circulerait en clair : choisissez TLS ou STARTTLS (« Aucune » est réservée à un serveur sur cette machine)."];
        }

        if (body.Security is { } security && !Enum.IsDefined(security))
        {
            errors["security"] = ["Choisissez TLS, STARTTLS ou Aucun."];
        }

        if (Clean(body.UserName).Length is 0 or > 254)
        {
            errors["userName"] = ["Saisissez l'identifiant de la boîte (souvent son adresse e-mail)."];
        }

        if (requirePassword && string.IsNullOrEmpty(body.Password))
        {
            errors["password"] = ["Saisissez le mot de passe de la boîte."];
        }
        else if (body.Password is { Length: > 500 })
        {
            errors["password"] = ["Le mot de passe dépasse 500 caractères."];
        }

        if (Clean(body.Folder).Length > 200 || Clean(body.ProcessedFolder).Length > 200)
        {
            errors["folder"] = ["Le nom d'un dossier dépasse 200 caractères."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, title: "Les réglages de la boîte contiennent des erreurs.");
    }

    private static string Clean(string? value) => value?.Trim() ?? "";

    private static ProblemHttpResult NoKey() => TypedResults.Problem(
        title: "Les boîtes de réponse ne peuvent pas être enregistrées sur ce serveur.",
        detail: $"La clé qui chiffre leurs mots de passe ({MailboxSecrets.KeySetting}) n'est pas configurée : demandez-la à l'exploitant.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
