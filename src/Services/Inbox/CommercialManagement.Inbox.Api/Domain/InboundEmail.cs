using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>What became of an email fetched from the reply mailbox.</summary>
internal enum InboundOutcome
{
    /// <summary>Posted in an existing conversation as the customer's message.</summary>
    Posted = 0,

    /// <summary>Belonged to no conversation: a new request was opened from it.</summary>
    NewRequest = 1,

    /// <summary>An automatic reply or a delivery failure report, kept quietly in the conversation it belongs to.</summary>
    Quiet = 2,

    /// <summary>Kept here only: an automatic email with no conversation, mailing-list traffic, our own email back.</summary>
    Ignored = 3,

    /// <summary>Failed to be taken again and again (a fault of ours with this email): kept whole, in the mailbox's log only.</summary>
    Failed = 4,
}

/// <summary>
/// One email fetched from an organisation's reply mailbox, kept whole (its original, viewable by staff) with what was
/// done with it. Its Message-ID is unique per organisation: an email fetched twice (a retry, a second node, a moved
/// copy, the folder's UIDs renumbered) is taken once.
/// </summary>
internal sealed class InboundEmail : ITenantOwned
{
    private InboundEmail()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Its Message-ID without angle brackets, or one made from its content when it has none.</summary>
    public string InternetMessageId { get; private set; } = "";

    public long UidValidity { get; private set; }

    public long Uid { get; private set; }

    public string FromAddress { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>When the mailbox server received it.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset FetchedAt { get; private set; }

    public long Size { get; private set; }

    /// <summary>The email as the server gave it (RFC 5322); only the headers when it was too big.</summary>
    public byte[] Raw { get; private set; } = [];

    public bool RawTruncated { get; private set; }

    public InboundOutcome Outcome { get; private set; }

    /// <summary>What kind of email it was and why it was handled so (for the log and staff).</summary>
    public string Reason { get; private set; } = "";

    public Guid? RequestId { get; private set; }

    public static InboundEmail Taken(
        Guid organisationId, string internetMessageId, long uidValidity, long uid, string fromAddress, string subject,
        DateTimeOffset receivedAt, DateTimeOffset now, long size, byte[] raw, bool rawTruncated) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        InternetMessageId = internetMessageId.Length <= 500 ? internetMessageId : internetMessageId[..500],
        UidValidity = uidValidity,
        Uid = uid,
        FromAddress = fromAddress.Length <= 254 ? fromAddress : fromAddress[..254],
        Subject = subject.Length <= 300 ? subject : subject[..300],
        ReceivedAt = receivedAt,
        FetchedAt = now,
        Size = size,
        Raw = raw,
        RawTruncated = rawTruncated,
    };

    public void Handled(InboundOutcome outcome, string reason, Guid? requestId) =>
        (Outcome, Reason, RequestId) = (outcome, reason.Length <= 500 ? reason : reason[..500], requestId);
}
