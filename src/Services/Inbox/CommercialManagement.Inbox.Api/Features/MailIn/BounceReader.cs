using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Recognises delivery failure reports: the standard ones (RFC 3464 multipart/report, read with MimeKit's
/// <see cref="MessageDeliveryStatus"/>) and the free-text ones mail systems still send (Exim, qmail, some Exchange),
/// identified by a mail-system sender and a bounce subject, or by Exim's X-Failed-Recipients.
/// </summary>
internal static class BounceReader
{
    /// <summary>Subjects of free-text bounces, English and French, compared as prefixes without case.</summary>
    private static readonly string[] BounceSubjects =
    [
        "Undelivered Mail Returned to Sender", "Undeliverable", "Undelivered", "Delivery Status Notification",
        "Mail delivery failed", "Mail Delivery Failure", "Delivery Failure", "Delivery has failed", "Failure notice",
        "Returned mail", "Message not delivered", "Mail delivery delayed", "Delayed Mail", "Warning: message",
        "Non remis", "Non distribuable", "Échec de la remise", "Echec de la remise", "Échec de remise", "Echec de remise",
        "Message non remis", "Message non délivré", "Remise impossible", "Notification d'état de remise",
    ];

    private static readonly string[] DelayWords = ["delay", "warning: message", "retard", "différé"];

    private static readonly string[] MailSystemLocalParts = ["mailer-daemon", "mailer_daemon", "mailerdaemon", "mail-daemon", "postmaster"];

    public static Classification? Read(MimeMessage message)
    {
        var entities = OutsideReturnedMessage(message.Body).ToList();
        var statuses = entities.OfType<MessageDeliveryStatus>().ToList();
        if (statuses.Count > 0 || entities.OfType<MultipartReport>().Any(IsDeliveryReport))
        {
            return FromDeliveryStatus(message, entities, statuses);
        }

        var failed = InboundHeaders.All(message, "X-Failed-Recipients").FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (failed is not null)
        {
            return FromText(message, entities, $"X-Failed-Recipients: {failed}", InboundHeaders.AddressesIn(failed).FirstOrDefault());
        }

        var subject = InboundHeaders.Subject(message);
        var bounceSubject = BounceSubjects.Any(s => subject.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        var mailSystem = MailSystemSender(message);
        if (bounceSubject && (mailSystem is not null || InboundHeaders.HasNullSender(message)))
        {
            return FromText(message, entities, $"{mailSystem ?? "Null sender"}: {subject}", null);
        }

        if (mailSystem is not null && entities.Any(BounceEvidence.IsReturnedMessage))
        {
            return FromText(message, entities, $"{mailSystem} returned a message", null);
        }

        // A mail system writing about something else (a quarantine digest, a quota warning): no one to answer, no bounce either.
        return mailSystem is null ? null : new Classification(InboundKind.AutoReply, InboundHeaders.Clean($"From a mail system address ({mailSystem})"));
    }

    private static Classification FromDeliveryStatus(MimeMessage message, List<MimeEntity> entities, List<MessageDeliveryStatus> statuses)
    {
        var groups = statuses.SelectMany(BounceEvidence.StatusGroups).ToList();
        var recipients = groups
            .Where(g => g.Contains("Action") || g.Contains("Final-Recipient") || g.Contains("Status"))
            .Select(g => (Fields: g, Action: ActionOf(g)))
            .ToList();
        var chosen = recipients.FirstOrDefault(r => r.Action == "failed");
        if (chosen.Fields is null)
        {
            chosen = recipients.FirstOrDefault(r => r.Action == "delayed");
        }

        if (chosen.Fields is null && recipients.Count > 0)
        {
            // "delivered", "relayed", "expanded": a success notice someone asked for, not a failure.
            return new Classification(InboundKind.AutoReply, InboundHeaders.Clean($"Delivery report: {recipients[0].Action}"));
        }

        if (chosen.Fields is null)
        {
            return FromText(message, entities, "Delivery report without recipient fields", null);
        }

        var evidence = BounceEvidence.Gather(message, entities);
        var fields = chosen.Fields;
        var status = BounceEvidence.StatusCode(fields["Status"]);
        var diagnostic = BounceEvidence.WithoutType(fields["Diagnostic-Code"]);
        var report = new BounceReport(
            BounceEvidence.AddressOf(fields["Original-Recipient"]) ?? BounceEvidence.AddressOf(fields["Final-Recipient"]) ?? evidence.FailedRecipient(message),
            status ?? evidence.SmtpReply().Status,
            diagnostic is null ? evidence.SmtpReply().Diagnostic : InboundHeaders.Clean(diagnostic, 300),
            evidence.OriginalMessageId ?? OriginalMessageIdField(groups),
            chosen.Action == "failed");
        return new Classification(InboundKind.Bounce, InboundHeaders.Clean($"Delivery report: {chosen.Action}{(status is null ? "" : " " + status)}"), report);
    }

    private static Classification FromText(MimeMessage message, List<MimeEntity> entities, string reason, string? failedRecipient)
    {
        var evidence = BounceEvidence.Gather(message, entities);
        var (status, diagnostic) = evidence.SmtpReply();
        var subject = InboundHeaders.Subject(message);
        var delayed = DelayWords.Any(w => subject.Contains(w, StringComparison.OrdinalIgnoreCase))
            || status?.StartsWith('4') == true
            || (status is null && diagnostic?.StartsWith('4') == true);
        var report = new BounceReport(failedRecipient ?? evidence.FailedRecipient(message), status, diagnostic, evidence.OriginalMessageId, !delayed);
        return new Classification(InboundKind.Bounce, InboundHeaders.Clean(reason), report);
    }

    /// <summary>Gmail names the bounced email in its per-message fields too, for when no returned headers come with the report.</summary>
    private static string? OriginalMessageIdField(List<HeaderList> groups) =>
        groups.Select(g => g["X-Original-Message-ID"]?.Trim().Trim('<', '>')).FirstOrDefault(id => !string.IsNullOrEmpty(id));

    /// <summary>The action of a recipient's fields, inferred from the status class when a sloppy report leaves it out.</summary>
    private static string ActionOf(HeaderList fields)
    {
        var action = InboundHeaders.Keyword(fields["Action"]);
        if (action.Length > 0)
        {
            return action;
        }

        return BounceEvidence.StatusCode(fields["Status"]) switch
        {
            ['5', ..] => "failed",
            ['4', ..] => "delayed",
            ['2', ..] => "delivered",
            _ => "failed",
        };
    }

    private static bool IsDeliveryReport(MultipartReport report) =>
        InboundHeaders.Keyword(report.ReportType) is "delivery-status" or "global-delivery-status";

    /// <summary>Who sent it, when that is a mail system rather than a person: MAILER-DAEMON, postmaster, Exchange's system mailbox.</summary>
    private static string? MailSystemSender(MimeMessage message)
    {
        var mailboxes = message.From.Mailboxes.ToList();
        if (message.Sender is not null)
        {
            mailboxes.Add(message.Sender);
        }

        foreach (var mailbox in mailboxes)
        {
            var address = mailbox.Address ?? string.Empty;
            var at = address.LastIndexOf('@');
            var local = (at >= 0 ? address[..at] : address).Trim('"').ToLowerInvariant();
            if (MailSystemLocalParts.Contains(local) || local.StartsWith("microsoftexchange", StringComparison.Ordinal)
                || (mailbox.Name?.Contains("Mail Delivery", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return $"From {address}";
            }
        }

        var returnPath = InboundHeaders.AddressesIn(InboundHeaders.All(message, "Return-Path").FirstOrDefault()).FirstOrDefault();
        return returnPath is not null && returnPath.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) ? $"Return-Path {returnPath}" : null;
    }

    /// <summary>The report's own parts, in order, without entering the message it returns (whose parts are the customer's email, not the report).</summary>
    private static IEnumerable<MimeEntity> OutsideReturnedMessage(MimeEntity? root)
    {
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<MimeEntity>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var entity = stack.Pop();
            yield return entity;
            if (entity is Multipart multipart)
            {
                for (var i = multipart.Count - 1; i >= 0; i--)
                {
                    stack.Push(multipart[i]);
                }
            }
        }
    }
}
