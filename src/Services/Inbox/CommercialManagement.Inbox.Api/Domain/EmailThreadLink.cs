using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// A Message-ID that belongs to a conversation: of an email we sent about the case (from EmailSent), or of one the
/// customer sent us. A reply that lost its tagged address still names one of them in In-Reply-To or References.
/// </summary>
internal sealed class EmailThreadLink : ITenantOwned
{
    private EmailThreadLink()
    {
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>Without angle brackets.</summary>
    public string InternetMessageId { get; private set; } = "";

    public Guid RequestId { get; private set; }

    /// <summary>True for an email we sent, false for one the customer sent.</summary>
    public bool Outgoing { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static EmailThreadLink Of(Guid organisationId, string internetMessageId, Guid requestId, bool outgoing, DateTimeOffset at) => new()
    {
        OrganisationId = organisationId,
        InternetMessageId = internetMessageId.Length <= 500 ? internetMessageId : internetMessageId[..500],
        RequestId = requestId,
        Outgoing = outgoing,
        At = at,
    };
}
