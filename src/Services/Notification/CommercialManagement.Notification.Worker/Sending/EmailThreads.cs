using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Sending;

/// <summary>The threading headers of one email: the Message-IDs (no angle brackets) it answers and refers to.</summary>
internal sealed record EmailThread(string InReplyTo, IReadOnlyList<string> References);

/// <summary>
/// The conversations the emails of a claimed batch belong to (issue 18): every email to a case's customer is sent
/// In-Reply-To the previous email sent to them about the case (or, for a staff reply to their email, that email), with
/// References of the case's first email, the <see cref="RecentReferences"/> latest before this one, then the In-Reply-To
/// one; so their mail client shows one thread, and their answer names emails Inbox can match to the case.
/// <para>
/// Computed when the email is sent, not when it is queued: the thread is what the customer really received, in the order
/// they received it. Emails are not sent in the order they are queued (a person's first, bulk acknowledgements after; a
/// failed one retried later, or never sent), so at queue time the previous email may still be waiting, or never go. It
/// costs one query per claimed batch (all its cases at once, in the claim's transaction), none per email; the emails of
/// one case in the same batch are chained in memory as they go. Two senders sending emails of one case at the same
/// instant may both answer the same previous one: the thread still holds.
/// </para>
/// </summary>
internal sealed class EmailThreads
{
    /// <summary>How many of the case's latest emails References carries besides the first (RFC 5322 lets it be trimmed).</summary>
    public const int RecentReferences = 8;

    private readonly Dictionary<(Guid Organisation, Guid Case), CaseThread> _cases;

    private EmailThreads(Dictionary<(Guid Organisation, Guid Case), CaseThread> cases) => _cases = cases;

    /// <summary>The sent emails of the batch's cases that the headers need: each case's first and latest ones.</summary>
    public static async Task<EmailThreads> LoadAsync(NotificationDbContext db, IEnumerable<EmailMessage> emails, CancellationToken cancellationToken)
    {
        var threaded = emails.Where(e => e.ToCustomer && e.CaseId is not null).ToList();
        var cases = new Dictionary<(Guid Organisation, Guid Case), CaseThread>();
        if (threaded.Count == 0)
        {
            return new EmailThreads(cases);
        }

        foreach (var email in threaded)
        {
            cases.TryAdd((email.OrganisationId, email.CaseId!.Value), new CaseThread());
        }

        var caseIds = cases.Keys.Select(k => k.Case).Distinct().ToArray();
        var organisationIds = cases.Keys.Select(k => k.Organisation).Distinct().ToArray();
        var sent = await db.Database.SqlQuery<SentEmail>($"""
            SELECT "OrganisationId", "CaseId", "InternetMessageId", "FromFirst", "FromLatest" FROM (
                SELECT "OrganisationId", "CaseId", "InternetMessageId", "SentAt", "Id",
                       row_number() OVER (PARTITION BY "OrganisationId", "CaseId" ORDER BY "SentAt", "Id") AS "FromFirst",
                       row_number() OVER (PARTITION BY "OrganisationId", "CaseId" ORDER BY "SentAt" DESC, "Id" DESC) AS "FromLatest"
                FROM emails
                WHERE "CaseId" = ANY({caseIds}) AND "OrganisationId" = ANY({organisationIds})
                  AND "ToCustomer" AND "Status" = 'Sent' AND "InternetMessageId" IS NOT NULL
            ) thread
            WHERE "FromFirst" = 1 OR "FromLatest" <= {RecentReferences}
            ORDER BY "SentAt", "Id"
            """).ToListAsync(cancellationToken);
        foreach (var email in sent)
        {
            if (cases.TryGetValue((email.OrganisationId, email.CaseId), out var thread))
            {
                // Oldest first: the case's first email comes first, and is one of the latest too in a short thread.
                thread.Add(email.InternetMessageId, recent: email.FromLatest <= RecentReferences);
            }
        }

        return new EmailThreads(cases);
    }

    /// <summary>The headers of <paramref name="email"/>; null for the first email of a case, and for an email that is no part of one.</summary>
    public EmailThread? Of(EmailMessage email)
    {
        var thread = Thread(email);
        var inReplyTo = email.ToCustomer ? email.InReplyToEmail ?? thread?.Latest : null;
        if (inReplyTo is null)
        {
            return null;
        }

        var references = new List<string>();
        if (thread is not null)
        {
            references.AddRange(thread.First is { } first ? [first, .. thread.Recent] : thread.Recent);
        }

        references.Add(inReplyTo);
        return new EmailThread(inReplyTo, [.. references.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Records that <paramref name="email"/> left with <paramref name="messageId"/>: the next one of its case answers it.</summary>
    public void Sent(EmailMessage email, string messageId) => Thread(email)?.Add(messageId, recent: true);

    private CaseThread? Thread(EmailMessage email) =>
        email is { ToCustomer: true, CaseId: { } caseId } && _cases.TryGetValue((email.OrganisationId, caseId), out var thread) ? thread : null;

    private sealed record SentEmail(Guid OrganisationId, Guid CaseId, string InternetMessageId, long FromFirst, long FromLatest);

    /// <summary>A case's first email sent, and its latest ones, oldest first.</summary>
    private sealed class CaseThread
    {
        private readonly List<string> _recent = [];

        public string? First { get; private set; }

        public IReadOnlyList<string> Recent => _recent;

        public string? Latest => _recent.Count > 0 ? _recent[^1] : null;

        /// <summary>Adds an email sent, in the order they were sent; the first one of the case is kept whatever follows.</summary>
        /// <param name="recent">Whether it is one of the latest (the first email of a short thread is both).</param>
        public void Add(string messageId, bool recent)
        {
            First ??= messageId;

            if (!recent)
            {
                return;
            }

            _recent.Add(messageId);
            if (_recent.Count > RecentReferences)
            {
                _recent.RemoveAt(0);
            }
        }
    }
}
