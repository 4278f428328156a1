using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// What Notification keeps of a case for the emails it sends without being told the link (the quote): the customer
/// space's current token, from RequestReceived, StaffMessagePosted and CustomerSpaceLinkRenewed; the latest wins.
/// </summary>
internal sealed class CaseCopy : ITenantOwned
{
    private CaseCopy()
    {
    }

    /// <summary>The case id (the request's id).</summary>
    public Guid RequestId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string CustomerSpaceToken { get; private set; } = "";

    /// <summary>When the event that brought the token happened: an older one arriving late changes nothing.</summary>
    public DateTimeOffset TokenChangedAt { get; private set; }
}
