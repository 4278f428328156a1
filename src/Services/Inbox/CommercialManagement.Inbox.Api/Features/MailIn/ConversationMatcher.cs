using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>How an email was tied to its conversation.</summary>
internal enum MatchedBy
{
    None = 0,

    /// <summary>The reply address it was sent to carried the case's reply token.</summary>
    ReplyToken = 1,

    /// <summary>In-Reply-To or References named an email of the conversation.</summary>
    ThreadHeaders = 2,

    /// <summary>Its sender is the customer of the organisation's most recent open request from that address.</summary>
    Sender = 3,
}

internal sealed record ConversationMatch(Request? Request, MatchedBy By);

/// <summary>Where the matcher looks, all within the organisation whose mailbox the email came from.</summary>
internal interface IConversationLookup
{
    Task<Request?> ByReplyTokenAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken);

    /// <summary>The conversation of the first of <paramref name="messageIds"/> (in that order) that belongs to one.</summary>
    Task<Request?> ByMessageIdsAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>The most recently active request of that customer address whose dossier is not archived.</summary>
    Task<Request?> LatestOpenBySenderAsync(string address, CancellationToken cancellationToken);
}

/// <summary>
/// Finds the conversation an email belongs to (issue 18), in this order: the reply token of the address it was sent to;
/// else the emails it answers (In-Reply-To, then References from the most recent); else its sender's most recent open
/// request; else none (a new request). Every step looks within the mailbox's organisation only: a token or a
/// Message-ID of another organisation's conversation matches nothing here.
/// </summary>
internal static class ConversationMatcher
{
    public static async Task<ConversationMatch> MatchAsync(
        MimeMessage message, string replyAddress, IConversationLookup lookup, CancellationToken cancellationToken)
    {
        var tokens = ReplyTokens.Find(message, replyAddress);
        if (tokens.Count > 0 && await lookup.ByReplyTokenAsync(tokens, cancellationToken) is { } byToken)
        {
            return new ConversationMatch(byToken, MatchedBy.ReplyToken);
        }

        var answered = AnsweredIds(message);
        if (answered.Count > 0 && await lookup.ByMessageIdsAsync(answered, cancellationToken) is { } byThread)
        {
            return new ConversationMatch(byThread, MatchedBy.ThreadHeaders);
        }

        if (SenderAddress(message) is { } sender && await lookup.LatestOpenBySenderAsync(sender, cancellationToken) is { } bySender)
        {
            return new ConversationMatch(bySender, MatchedBy.Sender);
        }

        return new ConversationMatch(null, MatchedBy.None);
    }

    /// <summary>In-Reply-To, then References from the most recent, without angle brackets, distinct.</summary>
    public static IReadOnlyList<string> AnsweredIds(MimeMessage message)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo.Trim());
        }

        ids.AddRange(message.References.Reverse().Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()));
        return [.. ids.Distinct(StringComparer.Ordinal).Take(50)];
    }

    /// <summary>The sender's address, lowercased: From's first mailbox, else Sender.</summary>
    public static string? SenderAddress(MimeMessage message)
    {
        var address = message.From.Mailboxes.FirstOrDefault()?.Address ?? message.Sender?.Address;
        return string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal) ? null : address.Trim().ToLowerInvariant();
    }
}

/// <summary>The lookups against Inbox's database, in the scope's organisation (its query filters apply).</summary>
internal sealed class ConversationLookup(InboxDbContext db) : IConversationLookup
{
    public Task<Request?> ByReplyTokenAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken) =>
        db.Requests.Where(r => tokens.Contains(r.ReplyToken)).OrderByDescending(r => r.LastActivityAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<Request?> ByMessageIdsAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var links = await db.ThreadLinks.AsNoTracking().Where(l => messageIds.Contains(l.InternetMessageId)).ToListAsync(cancellationToken);
        var first = messageIds.Select(id => links.FirstOrDefault(l => l.InternetMessageId == id)).FirstOrDefault(l => l is not null);
        return first is null ? null : await db.Requests.SingleOrDefaultAsync(r => r.Id == first.RequestId, cancellationToken);
    }

    public Task<Request?> LatestOpenBySenderAsync(string address, CancellationToken cancellationToken) =>
        db.Requests.Where(r => r.CustomerEmail.ToLower() == address && !r.Archived)
            .OrderByDescending(r => r.LastActivityAt).FirstOrDefaultAsync(cancellationToken);
}
