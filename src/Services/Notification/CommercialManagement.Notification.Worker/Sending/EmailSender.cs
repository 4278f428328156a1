using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>
/// Sends the queued emails of every organisation, one at a time, oldest first; the row is locked while it is sent
/// (several workers can run). Each outcome is logged on the row and published (EmailSent, EmailFailed).
/// </summary>
internal sealed partial class EmailSender(
    IServiceScopeFactory scopes, SmtpMailer mailer, TimeProvider timeProvider, IOptions<EmailOptions> options, ILogger<EmailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = false;
            try
            {
                sent = await SendNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            if (!sent)
            {
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

    /// <returns>Whether an email was due.</returns>
    internal async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var due = await db.Emails
            .FromSql($"""
                SELECT * FROM emails
                WHERE "Status" = 'Queued' AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt", "Id"
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

        try
        {
            var attachments = await db.Attachments.IgnoreQueryFilters().Where(a => a.EmailId == email.Id).ToListAsync(cancellationToken);
            await mailer.SendAsync(email, attachments, cancellationToken);
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
