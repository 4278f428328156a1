using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>What came into the reply mailbox: only a <see cref="Message"/> is a person writing to us.</summary>
internal enum InboundKind
{
    Message = 0,
    AutoReply = 1,
    Bounce = 2,
    MailingList = 3,
}

/// <summary>
/// The kind of an inbound email and why: Reason is a short English phrase for logs and the stored record
/// ("Auto-Submitted: auto-replied"); Bounce what a delivery failure report said, when it is one.
/// </summary>
internal sealed record Classification(InboundKind Kind, string Reason, BounceReport? Bounce = null);

/// <summary>
/// Sorts what arrives in the reply mailbox before anything is posted: an out-of-office, a bounce or list traffic posted
/// as a customer's reply would notify staff, and any email sent back to it would start a loop between two robots.
/// The rules, in order: bounce, then auto-reply, then mailing list, else a person's message. Never throws on headers.
/// </summary>
internal static class InboundClassifier
{
    /// <summary>Subjects auto-responders start with (compared without case, after <see cref="InboundHeaders.Subject"/>).</summary>
    private static readonly string[] AutoReplySubjects =
    [
        "Réponse automatique", "Automatic reply", "Auto:", "Autoreply", "Auto-Reply", "Auto Reply", "Auto-Response",
        "Out of Office", "Out of the Office", "Absence du bureau", "Absent du bureau", "Message d'absence",
    ];

    private static readonly string[] ListHeaders = ["List-Id", "List-Unsubscribe", "List-Post", "X-Mailing-List"];

    public static Classification Classify(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return BounceReader.Read(message)
            ?? AutoReply(message)
            ?? MailingList(message)
            ?? NullSender(message)
            ?? new Classification(InboundKind.Message, "No automatic-mail marker");
    }

    private static Classification? AutoReply(MimeMessage message)
    {
        // RFC 3834: any value but "no" (auto-replied, auto-generated, auto-notified) is a robot writing.
        foreach (var value in InboundHeaders.All(message, "Auto-Submitted"))
        {
            var keyword = InboundHeaders.Keyword(value);
            if (keyword != "no")
            {
                return Auto($"Auto-Submitted: {(keyword.Length == 0 ? "(empty)" : keyword)}");
            }
        }

        foreach (var field in (string[])["X-Autoreply", "X-Autorespond"])
        {
            if (message.Headers.Contains(field))
            {
                return Auto($"{field}: {message.Headers[field]}");
            }
        }

        foreach (var field in (string[])["Precedence", "X-Precedence"])
        {
            if (InboundHeaders.All(message, field).Any(v => InboundHeaders.Keyword(v) is "auto_reply" or "auto-reply"))
            {
                return Auto($"{field}: auto_reply");
            }
        }

        if (message.Body is MultipartReport report && string.Equals(report.ReportType, "disposition-notification", StringComparison.OrdinalIgnoreCase))
        {
            return Auto("Read receipt (disposition-notification report)");
        }

        var subject = InboundHeaders.Subject(message);
        var prefix = AutoReplySubjects.FirstOrDefault(p => subject.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null)
        {
            // Outlook puts X-Auto-Response-Suppress on many ordinary emails too: alone it says nothing, with the subject it confirms.
            return Auto(message.Headers.Contains("X-Auto-Response-Suppress")
                ? $"X-Auto-Response-Suppress with subject \"{prefix}\""
                : $"Subject starts with \"{prefix}\"");
        }

        return null;
    }

    private static Classification? MailingList(MimeMessage message)
    {
        var field = ListHeaders.FirstOrDefault(message.Headers.Contains);
        if (field is not null)
        {
            return new Classification(InboundKind.MailingList, InboundHeaders.Clean($"{field}: {message.Headers[field]}"));
        }

        var precedence = InboundHeaders.All(message, "Precedence").Select(InboundHeaders.Keyword).FirstOrDefault(k => k is "bulk" or "list" or "junk");
        return precedence is null ? null : new Classification(InboundKind.MailingList, $"Precedence: {precedence}");
    }

    /// <summary>Nothing else said robot, but nobody can be answered at a null sender: treated as automatic all the same.</summary>
    private static Classification? NullSender(MimeMessage message) =>
        InboundHeaders.HasNullSender(message) ? Auto("Return-Path: <> (null sender)") : null;

    private static Classification Auto(string reason) => new(InboundKind.AutoReply, InboundHeaders.Clean(reason));
}
