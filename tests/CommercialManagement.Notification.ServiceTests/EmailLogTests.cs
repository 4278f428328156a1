using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Sending;
using CommercialManagement.Notification.Worker.Templates;
using MailKit.Net.Smtp;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class EmailLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static EmailMessage Queued() => EmailMessage.Queue(
        Guid.NewGuid(), Guid.NewGuid(), "RequestAcknowledgement", Guid.NewGuid(), "a@example.fr", "Chalet", null,
        new RenderedEmail("Sujet", "<p>x</p>", "x"), Now);

    [Fact]
    public void TemporaryFailure_StaysQueuedWithAGrowingDelay()
    {
        var email = Queued();

        Assert.Null(email.MarkTemporaryFailure(Now, "connection refused"));
        var first = email.NextAttemptAt;
        Assert.Null(email.MarkTemporaryFailure(Now, "connection refused"));

        Assert.Equal(EmailStatus.Queued, email.Status);
        Assert.Equal(Now.AddSeconds(5), first);
        Assert.Equal(Now.AddSeconds(10), email.NextAttemptAt);
        Assert.Equal("connection refused", email.LastError);
    }

    [Fact]
    public void TemporaryFailures_AfterTheLastAttempt_FailForGoodWithTheReason()
    {
        var email = Queued();
        CommercialManagement.Contracts.Notification.EmailFailed? failed = null;
        for (var attempt = 0; attempt < EmailMessage.MaxAttempts; attempt++)
        {
            failed = email.MarkTemporaryFailure(Now, "timeout");
        }

        Assert.NotNull(failed);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(EmailMessage.MaxAttempts, failed.Attempts);
        Assert.Contains("timeout", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SentEmail_CannotBeSentOrFailedAgain()
    {
        var email = Queued();
        email.MarkSent(Now, "id@example.test");

        Assert.Throws<InvalidOperationException>(() => email.MarkSent(Now, "id@example.test"));
        Assert.Throws<InvalidOperationException>(() => email.MarkPermanentFailure(Now, "late"));
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable, true)]
    [InlineData(SmtpStatusCode.TransactionFailed, true)]
    [InlineData(SmtpStatusCode.MailboxBusy, false)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable, false)]
    public void SmtpAnswer_5xxIsPermanent_4xxIsRetried(SmtpStatusCode status, bool permanent) =>
        Assert.Equal(permanent, SmtpFailure.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, "answer")));

    [Fact]
    public void ConnectionRefused_IsRetried() =>
        Assert.False(SmtpFailure.IsPermanent(new System.Net.Sockets.SocketException(111)));
}
