using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>
/// Sends the queued emails of every organisation with <see cref="EmailOptions.Senders"/> senders side by side, each on
/// an SMTP connection it keeps while there is mail to send. A person's email (a staff reply, a quote, an alert) goes
/// before automatic bulk (acknowledgements), then oldest first; a sender claims a few for a lease (<c>SKIP LOCKED</c>:
/// senders and workers never take the same one) and sends them with no transaction open. Each outcome is logged on the
/// row and published (EmailSent, EmailFailed).
/// </summary>
internal sealed partial class EmailSender(
    IServiceScopeFactory scopes, SmtpMailer mailer, TimeProvider timeProvider, IOptions<EmailOptions> options, ILogger<EmailSender> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private int _waiting;

    /// <summary>
    /// The first sender polls; the others sleep until it finds mail (or, should a wake-up ever be missed, for five polls),
    /// so an idle worker asks its database about once per poll, not once per sender.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Senders)).Select(sender => SendAsync(lead: sender == 0, stoppingToken)));

    private async Task SendAsync(bool lead, CancellationToken stoppingToken)
    {
        await using var connection = mailer.Connect();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendNextAsync(connection, lead ? WakeTheOthers : null, stoppingToken))
                {
                    continue;
                }

                await connection.CloseAsync(stoppingToken);
                if (lead)
                {
                    await Task.Delay(options.Value.PollInterval, timeProvider, stoppingToken);
                }
                else
                {
                    Interlocked.Increment(ref _waiting);
                    await _wake.WaitAsync(options.Value.PollInterval * 5, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever went wrong, this sender goes on after a poll: a sender that stopped would leave mail queued.
                LogPassFailed(exception);
                try
                {
                    await Task.Delay(options.Value.PollInterval, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void WakeTheOthers()
    {
        var waiting = Interlocked.Exchange(ref _waiting, 0);
        if (waiting > 0)
        {
            _wake.Release(waiting);
        }
    }

    /// <summary>
    /// Claims up to <see cref="EmailOptions.ClaimBatch"/> due emails (a person's first, then oldest first) in a short
    /// transaction, for <see cref="EmailOptions.ClaimLease"/>; then, with no transaction open (ADR 0012), fetches what they
    /// still need to carry (a quote's or an invoice's PDF) and sends them one after the other on <paramref name="connection"/>, each in its
    /// case's thread (<see cref="EmailThreads"/>, read with the claim); then records
    /// each outcome with its event in a second short transaction. A failed send ends the batch there (the rest is given back);
    /// so does the worker stopping, with what was sent still marked sent. A sender that dies leaves its claim to lapse: its
    /// emails are sent again, with the same Message-ID, so a mailbox can tell the copy (at least once, never lost).
    /// </summary>
    /// <param name="found">Called once emails are claimed, before they are sent (the lead wakes the other senders then).</param>
    /// <returns>Whether an email was due.</returns>
    internal async Task<bool> SendNextAsync(SmtpConnection connection, Action? found, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var leaseEnd = now + settings.ClaimLease;
        List<Claimed> claimed;
        List<EmailMessage> due;
        ILookup<Guid, EmailAttachment> attachments;
        EmailThreads threads;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            claimed = await db.Database.SqlQuery<Claimed>($"""
                WITH due AS (
                    SELECT "Id", "NextAttemptAt" FROM emails
                    WHERE "Status" = 'Queued' AND "NextAttemptAt" <= {now}
                    ORDER BY "Priority", "NextAttemptAt", "Id"
                    LIMIT {Math.Max(1, settings.ClaimBatch)}
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE emails SET "NextAttemptAt" = {leaseEnd} FROM due WHERE emails."Id" = due."Id"
                RETURNING emails."Id" AS "Id", due."NextAttemptAt" AS "DueAt"
                """).ToListAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return false;
            }

            // Read in the same short transaction: a claim costs one transaction, not three.
            var ids = claimed.Select(c => c.Id).ToList();
            due = [.. (await db.Emails.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken))
                .OrderBy(e => e.Priority).ThenBy(e => claimed.First(c => c.Id == e.Id).DueAt).ThenBy(e => e.Id)];
            attachments = (await db.Attachments.IgnoreQueryFilters().Where(a => ids.Contains(a.EmailId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.EmailId);
            threads = await EmailThreads.LoadAsync(db, due, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        found?.Invoke();
        var tried = new HashSet<Guid>();
        // No send starts that could outlast the claim (an SMTP timeout, and its one retry on a fresh session).
        var lastStart = leaseEnd - (settings.SmtpTimeout * 2);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentPdfClient>();
        try
        {
            foreach (var email in due)
            {
                if (cancellationToken.IsCancellationRequested || timeProvider.GetUtcNow() >= lastStart)
                {
                    break;
                }

                tried.Add(email.Id);
                if (!await FetchAsync(documents, db, email, [.. attachments[email.Id]], cancellationToken))
                {
                    continue;
                }

                try
                {
                    await connection.SendAsync(mailer.Build(email, [.. attachments[email.Id]], threads.Of(email)), cancellationToken, mailer.EnvelopeSenderOf(email));
                    var messageId = mailer.MessageIdOf(email);
                    db.AddToOutbox(email.MarkSent(timeProvider.GetUtcNow(), messageId));
                    threads.Sent(email, messageId);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: this one was not sent; the ones before it were, and are saved as sent below.
                    tried.Remove(email.Id);
                    break;
                }
                catch (Exception exception)
                {
                    Failed(db, email, exception, SmtpFailure.IsPermanent(exception));

                    // The connection may be what failed: the rest of the batch is given back for the next pass.
                    break;
                }
            }
        }
        finally
        {
            foreach (var email in due.Where(e => !tried.Contains(e.Id)))
            {
                email.Release(claimed.First(c => c.Id == email.Id).DueAt);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return true;
    }

    /// <summary>
    /// Fetches the documents the email still lacks (outside any transaction); false when it cannot go now, its failure
    /// recorded: the service not knowing the document is permanent (a quote email without its quote, an invoice email
    /// without its invoice would be wrong). Each attachment is asked of its own source; the email names the document.
    /// </summary>
    private async Task<bool> FetchAsync(DocumentPdfClient documents, NotificationDbContext db, EmailMessage email, IReadOnlyList<EmailAttachment> attachments, CancellationToken cancellationToken)
    {
        foreach (var attachment in attachments.Where(a => a.Pending))
        {
            try
            {
                attachment.Fetched(await documents.GetAsync(
                    attachment.Source, email.OrganisationId, email.RegardingId ?? Guid.Empty, Path.GetFileNameWithoutExtension(attachment.FileName), email.RegardingVersion, cancellationToken));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                Failed(db, email, exception, exception is PermanentMessageFailureException);
                return false;
            }
        }

        return true;
    }

    private void Failed(NotificationDbContext db, EmailMessage email, Exception exception, bool permanent)
    {
        var failed = permanent
            ? email.MarkPermanentFailure(timeProvider.GetUtcNow(), exception.Message)
            : email.MarkTemporaryFailure(timeProvider.GetUtcNow(), exception.Message);
        LogSendFailed(exception, email.Id, email.Attempts, email.Status);
        if (failed is not null)
        {
            db.AddToOutbox(failed);
        }
    }

    private sealed record Claimed(Guid Id, DateTimeOffset DueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} not sent (attempt {Attempts}, now {Status})")]
    private partial void LogSendFailed(Exception exception, Guid emailId, int attempts, EmailStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email sending pass failed; queued emails stay queued")]
    private partial void LogPassFailed(Exception exception);
}
