using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>Makes the watcher of one organisation's mailbox.</summary>
internal sealed class MailboxWatcherFactory(
    IServiceScopeFactory scopes, MailboxSecrets secrets, InboundMailProcessor processor, IOptions<MailInOptions> options,
    TimeProvider time, ILoggerFactory loggers)
{
    public MailboxWatcher Create(Guid organisationId) =>
        new(organisationId, scopes, secrets, processor, options.Value, time, loggers.CreateLogger<MailboxWatcher>());
}

/// <summary>
/// Fetches one organisation's reply mailbox for as long as it runs: takes the mailbox's advisory lock (else leaves it
/// to the instance that holds it), connects with MailKit's <see cref="ImapClient"/>, opens the folder, and then, again
/// and again, takes every email whose UID is past the last one stored (<see cref="InboundMailProcessor"/>: stored and
/// acted on in one transaction with the new last UID), marks it read (or moves it to the processed folder), and waits:
/// in IDLE when the server offers it, at most <see cref="MailInOptions.PollInterval"/>. A server that is down, slow
/// (every exchange has <see cref="MailInOptions.ServerTimeout"/>) or answers garbage drops the connection; the failure
/// is recorded on the mailbox for staff and the watcher tries again after 5 s, doubling up to
/// <see cref="MailInOptions.MaxRetryDelay"/>. An email that cannot be stored is left for the next round, not skipped;
/// one that fails for a reason of its own <see cref="MaxAttemptsPerEmail"/> times is kept aside (MailboxWatcher.Folder.cs).
/// </summary>
internal sealed partial class MailboxWatcher(
    Guid organisationId, IServiceScopeFactory scopes, MailboxSecrets secrets, InboundMailProcessor processor, MailInOptions options,
    TimeProvider time, ILogger<MailboxWatcher> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var lockConnection = await TryLockAsync(cancellationToken);
            if (lockConnection is null)
            {
                return;
            }

            var failures = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (!await WatchAsync(lockConnection, () => failures = 0, cancellationToken))
                    {
                        // Switched off or gone meanwhile: the fetcher starts it again if it comes back.
                        return;
                    }
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    LogFailed(exception, organisationId, failures);
                    await RecordAsync(mailbox => mailbox.Failed(Describe(exception), time.GetUtcNow()), CancellationToken.None);
                    if (lockConnection.State != System.Data.ConnectionState.Open)
                    {
                        // The lock went with its connection: another instance may watch it now; the fetcher starts over.
                        return;
                    }
                }

                if (failures > 0)
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(options.MaxRetryDelay.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures - 1, 16))));
                    await Task.Delay(delay, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Switched off, changed, or the service stops.
        }
        catch (Exception exception)
        {
            // The lock's database did not answer: the fetcher's next look starts this mailbox again.
            LogFailed(exception, organisationId, 0);
        }
    }

    /// <summary>The mailbox's advisory lock, held by its own connection for as long as this watcher runs; null when another instance holds it.</summary>
    private async Task<NpgsqlConnection?> TryLockAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<InboxDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The Inbox database has no connection string.");
        }

        // Not pooled: the lock must end with this connection, not live on in the pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext('inbox-mailbox'), hashtext(@organisation))", connection);
        command.Parameters.AddWithValue("organisation", organisationId.ToString());
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            return connection;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Connects and fetches until cancelled (true) or until the mailbox turns out to be off (false); throws on a failure.</summary>
    private async Task<bool> WatchAsync(NpgsqlConnection lockConnection, Action connected, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        if (settings is null)
        {
            return false;
        }

        using var client = new ImapClient { Timeout = (int)options.ServerTimeout.TotalMilliseconds };
        var folder = await MailboxEndpoints.OpenFolderAsync(
            client, settings.Host, settings.Port, settings.Security, settings.UserName, settings.Password, settings.Folder, FolderAccess.ReadWrite,
            cancellationToken);
        var processed = settings.ProcessedFolder is { Length: > 0 } name ? await client.GetFolderAsync(name, cancellationToken) : null;
        connected();

        DateTimeOffset? recorded = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            await TakeNewAsync(folder, processed, cancellationToken);
            if (recorded is null || time.GetUtcNow() - recorded >= TimeSpan.FromMinutes(1))
            {
                // What staff read (« Dernière relève réussie »): to the minute, not a write per look.
                recorded = time.GetUtcNow();
                await RecordAsync(mailbox => mailbox.Checked(recorded.Value), cancellationToken);
            }

            await using (var alive = new NpgsqlCommand("SELECT 1", lockConnection))
            {
                // The lock holds only while its connection lives.
                await alive.ExecuteScalarAsync(cancellationToken);
            }

            await WaitForMailAsync(client, folder, cancellationToken);

            // Selected again before each look: a server that never announces new mail to an open session (the development
            // mail catcher) shows it to a new SELECT; for the others it costs one short exchange per poll.
            await folder.CloseAsync(false, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        await client.DisconnectAsync(true, CancellationToken.None);
        return true;
    }

    private async Task<MailboxConnection?> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var mailbox = await db.Mailboxes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(m => m.OrganisationId == organisationId, cancellationToken);
        if (mailbox is not { Enabled: true })
        {
            return null;
        }

        var password = secrets.Decrypt(organisationId, mailbox.PasswordCipher)
            ?? throw new InvalidOperationException("Le mot de passe de la boîte ne peut pas être relu : saisissez-le à nouveau dans « Paramètres ».");
        return new MailboxConnection(mailbox.Host, mailbox.Port, mailbox.Security, mailbox.UserName, password, mailbox.Folder, mailbox.ProcessedFolder);
    }

    /// <summary>Changes the mailbox's fetch state and saves it; the last UID stored, after the change.</summary>
    private async Task<long> RecordAsync(Action<Mailbox> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.OrganisationId == organisationId, cancellationToken);
        if (mailbox is null)
        {
            return 0;
        }

        change(mailbox);
        await db.SaveChangesAsync(cancellationToken);
        return mailbox.LastUid;
    }

    /// <summary>What staff read in « Paramètres » when the fetch fails: the server's words, without a stack trace.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AuthenticationException => $"Le serveur refuse l'identifiant ou le mot de passe : {exception.Message}",
        SslHandshakeException => $"La connexion chiffrée au serveur a échoué : {exception.Message}",
        FolderNotFoundException => $"Le dossier n'existe pas sur le serveur : {exception.Message}",
        TimeoutException or OperationCanceledException => "Le serveur n'a pas répondu à temps.",
        System.Net.Sockets.SocketException => $"Le serveur ne répond pas : {exception.Message}",
        ImapProtocolException or ImapCommandException => $"Le serveur a répondu de façon inattendue : {exception.Message}",
        _ => exception.Message,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the reply mailbox of organisation {OrganisationId} failed ({Failures} in a row)")]
    private partial void LogFailed(Exception exception, Guid organisationId, int failures);

    private sealed record MailboxConnection(
        string Host, int Port, MailboxSecurity Security, string UserName, string Password, string Folder, string? ProcessedFolder);
}

/// <summary>An email as the IMAP server gave it, with where it came from.</summary>
internal sealed record FetchedEmail(
    Guid OrganisationId, long UidValidity, long Uid, byte[] Raw, bool Truncated, long Size, DateTimeOffset ReceivedAt);
