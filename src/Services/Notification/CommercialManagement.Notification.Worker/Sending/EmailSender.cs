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

    /// <param name="found">Called once an email is locked, before it is sent (the lead wakes the other senders then).</param>
    /// <returns>Whether an email was due.</returns>
    internal async Task<bool> SendNextAsync(SmtpConnection connection, Action? found, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var due = await db.Emails
            .FromSql($"""
                SELECT * FROM emails
                WHERE "Status" = 'Queued' AND "NextAttemptAt" <= {now}
                ORDER BY "Priority", "NextAttemptAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        var email = due.SingleOrDefault();
        if (email is null)
        {
            return false;
        }

        found?.Invoke();
        try
        {
            var attachments = await db.Attachments.IgnoreQueryFilters().Where(a => a.EmailId == email.Id).ToListAsync(cancellationToken);
            await connection.SendAsync(mailer.Build(email, attachments), cancellationToken);
            db.AddToOutbox(email.MarkSent(timeProvider.GetUtcNow()));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failed = SmtpFailure.IsPermanent(exception)
                ? email.MarkPermanentFailure(timeProvider.GetUtcNow(), exception.Message)
                : email.MarkTemporaryFailure(timeProvider.GetUtcNow(), exception.Message);
            LogSendFailed(exception, email.Id, email.Attempts, email.Status);
            if (failed is not null)
            {
                db.AddToOutbox(failed);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} not sent (attempt {Attempts}, now {Status})")]
    private partial void LogSendFailed(Exception exception, Guid emailId, int attempts, EmailStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email sending pass failed; queued emails stay queued")]
    private partial void LogPassFailed(Exception exception);
}
