using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// What Notification keeps of a case for the emails it sends without being told everything (the quote, the payment
/// emails): the customer space's current token, from RequestReceived, StaffMessagePosted and CustomerSpaceLinkRenewed;
/// the customer's name, address and language, from RequestReceived and QuoteSent (the quote's form may correct them).
/// For each, the latest event wins. And the case's reply token (RequestReceived), which tags the Reply-To of its emails.
/// </summary>
internal sealed class CaseCopy : ITenantOwned
{
    private CaseCopy()
    {
    }

    /// <summary>The case id (the request's id).</summary>
    public Guid RequestId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Null while only the customer is known (a quote that overtook its case).</summary>
    public string? CustomerSpaceToken { get; private set; }

    /// <summary>When the event that brought the token happened: an older one arriving late changes nothing.</summary>
    public DateTimeOffset? TokenChangedAt { get; private set; }

    public string? CustomerName { get; private set; }

    public string? CustomerEmail { get; private set; }

    /// <summary>"fr" or "en".</summary>
    public string? Language { get; private set; }

    /// <summary>When the event that brought the customer's details happened.</summary>
    public DateTimeOffset? CustomerChangedAt { get; private set; }

    /// <summary>
    /// The secret of the case's conversation in the address customers reply to (<c>reponses+{token}@…</c>, issue 18): a
    /// reply that comes back to it lands in this case. Null for cases from before replies by email; once known it stays.
    /// </summary>
    public string? ReplyToken { get; private set; }
}
