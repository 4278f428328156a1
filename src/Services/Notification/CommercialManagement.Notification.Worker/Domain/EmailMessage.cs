using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Notification;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>What is sent first: a person's email never waits behind a burst of automatic ones.</summary>
internal enum EmailPriority
{
    /// <summary>Written or caused by a person now: a staff reply, a quote, a payment request, a receipt, an invoice, a staff alert.</summary>
    Person = 0,

    /// <summary>Sent automatically to every new request (the acknowledgement), which arrive in bursts.</summary>
    Bulk = 1,
}

internal enum EmailStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One email and its log: queued in the transaction of the event that asked for it (one per event and kind), then
/// sent by <see cref="Sending.EmailSender"/>; a temporary failure is retried with a growing delay, a permanent one
/// (or too many temporary ones) is recorded with its reason.
/// </summary>
internal sealed class EmailMessage : ITenantOwned
{
    public const int MaxAttempts = 8;

    private EmailMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The message id of the event that asked for this email: with the kind, it is unique.</summary>
    public Guid SourceMessageId { get; private set; }

    public string Kind { get; private set; } = "";

    public EmailPriority Priority { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The item the email carries, when there is one: the conversation message of a staff reply, the quote, the invoice.</summary>
    public Guid? RegardingId { get; private set; }

    /// <summary>The version of the item carried, when it has versions (the quote's).</summary>
    public int? RegardingVersion { get; private set; }

    public string To { get; private set; } = "";

    public string FromName { get; private set; } = "";

    public string? ReplyTo { get; private set; }

    /// <summary>
    /// Written to the case's customer (every email but the staff alerts): those of one case make its thread, each sent
    /// In-Reply-To the one before (see <see cref="Sending.EmailThreads"/>).
    /// </summary>
    public bool ToCustomer { get; private set; }

    /// <summary>
    /// The Message-ID (no angle brackets) of the customer's email this one answers (a staff reply to an email, issue 18):
    /// it is sent In-Reply-To it rather than to the previous email of the case.
    /// </summary>
    public string? InReplyToEmail { get; private set; }

    /// <summary>The Message-ID (no angle brackets) the email left with; null until it is sent.</summary>
    public string? InternetMessageId { get; private set; }

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public EmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>An email to a case's customer, queued.</summary>
    /// <param name="inReplyToEmail">The Message-ID of the customer's email it answers, when it answers one (with or without angle brackets).</param>
    public static EmailMessage Queue(
        Guid organisationId, Guid sourceMessageId, string kind, Guid? caseId, string to, string fromName, string? replyTo,
        Templates.RenderedEmail content, DateTimeOffset now, Guid? regardingId = null, int? regardingVersion = null, string? inReplyToEmail = null)
    {
        var email = New(organisationId, sourceMessageId, kind, caseId, to, fromName, replyTo, content, now, regardingId, regardingVersion);
        email.ToCustomer = true;
        email.InReplyToEmail = MessageIds.Normalise(inReplyToEmail);
        return email;
    }

    /// <summary>An alert to staff, queued: no reply-to (an answer would reach nobody useful), not part of the case's thread.</summary>
    public static EmailMessage QueueToStaff(
        Guid organisationId, Guid sourceMessageId, string kind, Guid? caseId, string to, string fromName, Templates.RenderedEmail content, DateTimeOffset now) =>
        New(organisationId, sourceMessageId, kind, caseId, to, fromName, null, content, now, null, null);

    private static EmailMessage New(
        Guid organisationId, Guid sourceMessageId, string kind, Guid? caseId, string to, string fromName, string? replyTo,
        Templates.RenderedEmail content, DateTimeOffset now, Guid? regardingId, int? regardingVersion) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        SourceMessageId = sourceMessageId,
        Kind = kind,
        Priority = kind == Messaging.Consumers.RequestReceivedConsumer.Kind ? EmailPriority.Bulk : EmailPriority.Person,
        CaseId = caseId,
        RegardingId = regardingId,
        RegardingVersion = regardingId is null ? null : regardingVersion,
        To = to,
        FromName = fromName,
        ReplyTo = replyTo,
        Subject = content.Subject,
        HtmlBody = content.Html,
        TextBody = content.Text,
        Status = EmailStatus.Queued,
        QueuedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>
    /// An email nobody can receive (no address known yet): logged as failed at once, with the reason, so that it is
    /// seen rather than lost; the SMTP server is never tried.
    /// </summary>
    /// <param name="toCustomer">False for a staff alert.</param>
    public static (EmailMessage Email, EmailFailed Failed) Undeliverable(
        Guid organisationId, Guid sourceMessageId, string kind, Guid? caseId, string fromName, Templates.RenderedEmail content,
        DateTimeOffset now, string reason, Guid? regardingId = null, int? regardingVersion = null, bool toCustomer = true)
    {
        var email = New(organisationId, sourceMessageId, kind, caseId, "", fromName, null, content, now, regardingId, regardingVersion);
        email.ToCustomer = toCustomer;
        return (email, email.Fail(now, reason));
    }

    /// <param name="internetMessageId">The Message-ID it left with (no angle brackets): the customer's reply names it.</param>
    public EmailSent MarkSent(DateTimeOffset now, string internetMessageId)
    {
        EnsureQueued();
        Attempts++;
        Status = EmailStatus.Sent;
        SentAt = now;
        LastError = null;
        InternetMessageId = internetMessageId;
        return new EmailSent
        {
            OrganisationId = OrganisationId, OccurredAt = now, EmailId = Id, CaseId = CaseId, Kind = Kind, RegardingId = RegardingId,
            Subject = Subject, Attempts = Attempts, InternetMessageId = internetMessageId,
        };
    }

    /// <summary>Keeps the email queued for another try, unless it has had too many; then it fails for good.</summary>
    public EmailFailed? MarkTemporaryFailure(DateTimeOffset now, string reason)
    {
        EnsureQueued();
        Attempts++;
        LastError = reason;
        if (Attempts >= MaxAttempts)
        {
            return Fail(now, $"Abandonné après {Attempts} tentatives : {reason}");
        }

        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Attempts - 1)));
        return null;
    }

    public EmailFailed MarkPermanentFailure(DateTimeOffset now, string reason)
    {
        EnsureQueued();
        Attempts++;
        return Fail(now, reason);
    }

    private EmailFailed Fail(DateTimeOffset now, string reason)
    {
        Status = EmailStatus.Failed;
        LastError = reason.Length <= 2000 ? reason : reason[..2000];
        return new EmailFailed
        {
            OrganisationId = OrganisationId, OccurredAt = now, EmailId = Id, CaseId = CaseId, Kind = Kind, RegardingId = RegardingId,
            Subject = Subject, Attempts = Attempts, Reason = LastError,
        };
    }

    /// <summary>Gives back an email a sender claimed but did not try (it stopped, or its claim ran short): due as before.</summary>
    public void Release(DateTimeOffset dueAt)
    {
        EnsureQueued();
        NextAttemptAt = dueAt;
    }

    private void EnsureQueued()
    {
        if (Status != EmailStatus.Queued)
        {
            throw new InvalidOperationException($"Email {Id} is already {Status}.");
        }
    }
}
