using System.Security.Cryptography;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Takes one fetched email (issue 18), exactly once: in one transaction, the email kept whole (<see cref="InboundEmail"/>,
/// unique by Message-ID in the organisation), what it does to its conversation, the outbox's events and the mailbox's new
/// last UID. What it does: a customer's email is posted as their message (unread, the unanswered clock, the alert to the
/// assignee through <see cref="CustomerMessagePosted"/>), or opens a new request when it belongs to no conversation; an
/// automatic reply or a delivery failure report is kept quietly in its conversation (a report marks the customer's
/// address as failing) and nothing is ever emailed because of it; mailing-list traffic, our own emails coming back and a
/// sender past <see cref="MailInOptions.MaxEmailsPerSenderPerHour"/> are kept here only.
/// </summary>
internal sealed partial class InboundMailProcessor(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<MailInOptions> options, ILogger<InboundMailProcessor> logger)
{
    public async Task<InboundOutcome> ProcessAsync(FetchedEmail fetched, CancellationToken cancellationToken)
    {
        var (message, internetMessageId) = Identify(fetched.Raw);
        try
        {
            return await TakeAsync(fetched, message, internetMessageId, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Taken meanwhile (another instance, a copy in another UID): only the mailbox's position moves on.
            await using var scope = Scope(fetched.OrganisationId, out var db);
            var mailbox = await db.Mailboxes.SingleAsync(cancellationToken);
            mailbox.Took(fetched.Uid);
            await db.SaveChangesAsync(cancellationToken);
            return InboundOutcome.Ignored;
        }
    }

    /// <summary>
    /// An email that failed to be taken again and again (not for a database or network reason): kept whole, marked
    /// « Non traité » with the reason in the mailbox's log, and the fetch goes on past it rather than stop there. Staff see
    /// it in « Paramètres › Réponses par e-mail ».
    /// </summary>
    public async Task KeepUnprocessedAsync(FetchedEmail fetched, Exception failure, CancellationToken cancellationToken)
    {
        await using var scope = Scope(fetched.OrganisationId, out var db);
        var mailbox = await db.Mailboxes.SingleAsync(cancellationToken);
        mailbox.Took(fetched.Uid);
        var (message, internetMessageId) = Identify(fetched.Raw);
        if (!await db.InboundEmails.AnyAsync(e => e.InternetMessageId == internetMessageId, cancellationToken))
        {
            var inbound = Record(fetched, message, internetMessageId, time.GetUtcNow());
            inbound.Handled(InboundOutcome.Failed, $"Could not be processed: {failure.GetType().Name}: {failure.Message}", null);
            db.InboundEmails.Add(inbound);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<InboundOutcome> TakeAsync(FetchedEmail fetched, MimeMessage? message, string internetMessageId, CancellationToken cancellationToken)
    {
        await using var scope = Scope(fetched.OrganisationId, out var db);
        // The reads and the write in one transaction: one commit per email (each read was a commit of its own).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mailbox = await db.Mailboxes.SingleAsync(cancellationToken);
        mailbox.Took(fetched.Uid);
        if (await db.InboundEmails.AnyAsync(e => e.InternetMessageId == internetMessageId, cancellationToken))
        {
            // The same email again (fetched twice, copied, the UIDs renumbered): taken once.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return InboundOutcome.Ignored;
        }

        var now = time.GetUtcNow();
        var sender = message is null ? null : ConversationMatcher.SenderAddress(message);
        var inbound = Record(fetched, message, internetMessageId, now);
        db.InboundEmails.Add(inbound);
        var (outcome, reason, request) = message is null
            ? (InboundOutcome.Ignored, "Unreadable: not an email MimeKit can parse", null)
            : await HandleAsync(db, mailbox, message, inbound, sender, fetched, now, cancellationToken);
        inbound.Handled(outcome, reason, request?.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogTaken(fetched.OrganisationId, fetched.Uid, outcome, reason, request?.Id);
        return outcome;
    }

    private async Task<(InboundOutcome, string, Request?)> HandleAsync(
        InboxDbContext db, Mailbox mailbox, MimeMessage message, InboundEmail inbound, string? sender, FetchedEmail fetched, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (sender is not null && ReplyAddress.TokenOf(sender, mailbox.ReplyAddress) is not null
            || string.Equals(sender, mailbox.ReplyAddress, StringComparison.OrdinalIgnoreCase)
            || await db.ThreadLinks.AnyAsync(l => l.InternetMessageId == inbound.InternetMessageId && l.Outgoing, cancellationToken))
        {
            return (InboundOutcome.Ignored, "Our own email came back to the reply mailbox", null);
        }

        var classification = InboundClassifier.Classify(message);
        var match = await ConversationMatcher.MatchAsync(message, mailbox.ReplyAddress, new ConversationLookup(db), cancellationToken);
        var request = match.Request;
        switch (classification.Kind)
        {
            case InboundKind.Bounce:
                return await BouncedAsync(db, message, inbound, classification, request, now, cancellationToken);
            case InboundKind.AutoReply when request is not null:
                var text = Truncated(ReplyText.NewText(message.TextBody, message.HtmlBody));
                db.Messages.Add(ConversationMessage.Quiet(request, MessageKind.AutoReply, text, inbound.Subject, inbound.Id, now));
                db.AddToOutbox(new ConversationChanged { OrganisationId = request.OrganisationId, OccurredAt = now, RequestId = request.Id });
                return (InboundOutcome.Quiet, $"{classification.Reason}; matched by {match.By}", request);
            case InboundKind.AutoReply:
            case InboundKind.MailingList:
                return (InboundOutcome.Ignored, $"{classification.Reason}; no conversation", null);
        }

        if (sender is null)
        {
            return (InboundOutcome.Ignored, "No sender address", null);
        }

        var hourAgo = now.AddHours(-1);
        var recent = await db.InboundEmails.CountAsync(e => e.FromAddress == sender && e.FetchedAt > hourAgo, cancellationToken);
        if (recent >= options.Value.MaxEmailsPerSenderPerHour)
        {
            return (InboundOutcome.Ignored, $"Loop breaker: {recent} emails from this sender in the last hour", null);
        }

        var body = Truncated(ReplyText.NewText(message.TextBody, message.HtmlBody));
        if (fetched.Truncated)
        {
            body = $"{body}\n\n(E-mail de {fetched.Size / (1024.0 * 1024.0):0.#} Mo, trop volumineux pour être relevé en entier : consultez-le dans la boîte de réception.)".Trim();
        }

        var outcome = InboundOutcome.Posted;
        if (request is null)
        {
            var name = message.From.Mailboxes.FirstOrDefault()?.Name is { Length: > 0 } display ? display.Trim() : sender[..sender.IndexOf('@', StringComparison.Ordinal)];
            request = Request.FromEmail(
                mailbox.OrganisationId, name.Length <= 200 ? name : name[..200], sender, EnglishOrFrench(message), now);
            db.Requests.Add(request);
            outcome = InboundOutcome.NewRequest;
        }

        var posted = ConversationMessage.FromCustomerEmail(request, body.Length == 0 ? "(E-mail sans texte)" : body, inbound.Subject, inbound.Id, now);
        db.Messages.Add(posted);
        request.MarkUnread();
        request.EmailWorks(sender);
        db.ThreadLinks.Add(EmailThreadLink.Of(request.OrganisationId, inbound.InternetMessageId, request.Id, outgoing: false, now));
        AddAttachments(db, message, posted, now);
        if (outcome == InboundOutcome.NewRequest)
        {
            db.AddToOutbox(request.ToReceivedEvent());
        }
        else
        {
            db.AddToOutbox(request.ToCustomerMessagePostedEvent(posted.Id, now));
        }

        return (outcome, $"{classification.Reason}; matched by {match.By}", request);
    }

    /// <summary>A delivery failure report: the conversation of the email that bounced learns that the customer's address fails.</summary>
    private static async Task<(InboundOutcome, string, Request?)> BouncedAsync(
        InboxDbContext db, MimeMessage message, InboundEmail inbound, Classification classification, Request? matched, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var report = classification.Bounce;
        var request = matched;
        if (request is null && report?.OriginalMessageId is { Length: > 0 } original)
        {
            request = await new ConversationLookup(db).ByMessageIdsAsync([original], cancellationToken);
        }

        if (request is null && report?.FailedRecipient is { Length: > 0 } failed)
        {
            request = await new ConversationLookup(db).LatestOpenBySenderAsync(failed.ToLowerInvariant(), cancellationToken);
        }

        if (request is null)
        {
            return (InboundOutcome.Ignored, $"{classification.Reason}; no conversation", null);
        }

        var address = report?.FailedRecipient is { Length: > 0 } recipient ? recipient : request.CustomerEmail;
        var diagnostic = report?.Diagnostic ?? report?.Status ?? message.Subject ?? "";
        if (report is null || report.Permanent)
        {
            request.EmailFailed(address, diagnostic, now);
        }

        var text = report is { Permanent: false }
            ? $"Remise retardée à {address} : {diagnostic}"
            : $"L'e-mail à {address} n'a pas pu être remis : {diagnostic}";
        db.Messages.Add(ConversationMessage.Quiet(request, MessageKind.DeliveryReport, Truncated(text), inbound.Subject, inbound.Id, now));
        db.AddToOutbox(new ConversationChanged { OrganisationId = request.OrganisationId, OccurredAt = now, RequestId = request.Id });
        return (InboundOutcome.Quiet, classification.Reason, request);
    }

    /// <summary>Every attachment: kept within the policy's limits, or listed as refused with the reason.</summary>
    private static void AddAttachments(InboxDbContext db, MimeMessage message, ConversationMessage posted, DateTimeOffset now)
    {
        long kept = 0;
        var count = 0;
        var position = 0;
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            // Ids in the email's order (a millisecond apart: version 7 ids are ordered by time only to the millisecond).
            var at = now.AddMilliseconds(position++);
            using var content = new MemoryStream();
            try
            {
                part.Content?.DecodeTo(content);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException)
            {
                db.Attachments.Add(MessageAttachment.Refused(posted, part.FileName ?? "pièce jointe", 0, "Pièce jointe illisible.", at));
                continue;
            }

            switch (AttachmentPolicy.Decide(part.FileName, part.ContentType?.MimeType, content.Length, kept, count))
            {
                case AttachmentDecision.Kept accepted:
                    db.Attachments.Add(MessageAttachment.Kept(posted, accepted.FileName, accepted.ContentType, content.ToArray(), at));
                    kept += content.Length;
                    count++;
                    break;
                case AttachmentDecision.Refused refused:
                    db.Attachments.Add(MessageAttachment.Refused(posted, refused.FileName, content.Length, refused.Reason, at));
                    break;
            }
        }
    }

    private static string Truncated(string text) => text.Length <= ConversationMessage.MaxBodyLength
        ? text
        : string.Concat(text.AsSpan(0, ConversationMessage.MaxBodyLength - 40), "… (la suite est dans l'original)");

    private static string EnglishOrFrench(MimeMessage message) =>
        message.Headers[HeaderId.ContentLanguage] is { } language && language.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";

    /// <summary>The email parsed (null when MimeKit cannot read it) and the Message-ID it is known by.</summary>
    private static (MimeMessage? Message, string InternetMessageId) Identify(byte[] raw)
    {
        var message = Parse(raw);
        return (message, message?.MessageId is { Length: > 0 } id ? id.Trim() : Synthetic(raw));
    }

    /// <summary>The email kept whole, with who sent it and its subject, before what is done with it is known.</summary>
    private static InboundEmail Record(FetchedEmail fetched, MimeMessage? message, string internetMessageId, DateTimeOffset now) =>
        InboundEmail.Taken(
            fetched.OrganisationId, internetMessageId, fetched.UidValidity, fetched.Uid,
            (message is null ? null : ConversationMatcher.SenderAddress(message)) ?? "", message?.Subject ?? "",
            fetched.ReceivedAt, now, fetched.Size, fetched.Raw, fetched.Truncated);

    private static MimeMessage? Parse(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            return MimeMessage.Load(stream);
        }
        catch (Exception exception) when (exception is FormatException or ParseException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>An email without a Message-ID is known by its content: the same bytes fetched again are the same email.</summary>
    private static string Synthetic(byte[] raw) => $"{Convert.ToHexStringLower(SHA256.HashData(raw))}@sans-message-id.invalid";

    private AsyncServiceScope Scope(Guid organisationId, out InboxDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organisationId);
        db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        return scope;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Uid} of organisation {OrganisationId}'s mailbox: {Outcome} ({Reason}), request {RequestId}")]
    private partial void LogTaken(Guid organisationId, long uid, InboundOutcome outcome, string reason, Guid? requestId);
}
