using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>
/// Sends the queued emails of every organisation with <see cref="EmailOptions.Senders"/> senders side by side, each on
/// an SMTP connection it keeps while there is mail to send. A person's email (a staff reply, a quote, an alert) goes
/// before automatic bulk (acknowledgements), then oldest first; the row is locked while it is sent (<c>SKIP LOCKED</c>:
/// senders and workers never take the same one). Each outcome is logged on the row and published (EmailSent, EmailFailed).
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
    /// Takes up to <see cref="EmailOptions.ClaimBatch"/> due emails (a person's first, then oldest first) and sends them one
    /// after the other on <paramref name="connection"/>, each outcome on its row with its event, all committed together.
    /// A failed send ends the batch there (the rest stay queued for the next pass); so does the worker stopping, with
    /// what was sent still marked sent, so that nothing sent is sent twice for it.
    /// </summary>
    /// <param name="found">Called once emails are locked, before they are sent (the lead wakes the other senders then).</param>
    /// <returns>Whether an email was due.</returns>
    internal async Task<bool> SendNextAsync(SmtpConnection connection, Action? found, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var batch = Math.Max(1, options.Value.ClaimBatch);
        var due = await db.Emails
            .FromSql($"""
                SELECT * FROM emails
                WHERE "Status" = 'Queued' AND "NextAttemptAt" <= {now}
                ORDER BY "Priority", "NextAttemptAt", "Id"
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """)
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return false;
        }

        found?.Invoke();
        var ids = due.Select(e => e.Id).ToList();
        var attachments = (await db.Attachments.IgnoreQueryFilters().Where(a => ids.Contains(a.EmailId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.EmailId);
        foreach (var email in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await connection.SendAsync(mailer.Build(email, [.. attachments[email.Id]]), cancellationToken);
                db.AddToOutbox(email.MarkSent(timeProvider.GetUtcNow()));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: this one was not sent; the ones before it were, and are saved as sent below.
                break;
            }
            catch (Exception exception)
            {
                var failed = SmtpFailure.IsPermanent(exception)
                    ? email.MarkPermanentFailure(timeProvider.GetUtcNow(), exception.Message)
                    : email.MarkTemporaryFailure(timeProvider.GetUtcNow(), exception.Message);
                LogSendFailed(exception, email.Id, email.Attempts, email.Status);
                if (failed is not null)
                {
                    db.AddToOutbox(failed);
                }

                // The connection may be what failed: the rest of the batch stays queued for the next pass.
                break;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} not sent (attempt {Attempts}, now {Status})")]
    private partial void LogSendFailed(Exception exception, Guid emailId, int attempts, EmailStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email sending pass failed; queued emails stay queued")]
    private partial void LogPassFailed(Exception exception);
}
