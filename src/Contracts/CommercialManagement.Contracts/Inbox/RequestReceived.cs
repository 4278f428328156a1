namespace CommercialManagement.Contracts.Inbox;

/// <summary>A request arrived from a website form, was typed in by staff after a phone call, or came by email.</summary>
public sealed record RequestReceived : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id: the request's id is the dossier's id from start to end.</summary>
    public required Guid RequestId { get; init; }

    public required RequestChannel Channel { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerEmail { get; init; }

    public string? CustomerPhone { get; init; }

    public DateOnly? Arrival { get; init; }

    public DateOnly? Departure { get; init; }

    public required int Adults { get; init; }

    public required IReadOnlyList<int> ChildrenAges { get; init; }

    /// <summary>Two-letter language of the customer ("fr", "en"), for emails.</summary>
    public required string Language { get; init; }

    /// <summary>
    /// The secret part of the customer space's address (<c>/espace/{token}</c>), for the acknowledgement's link.
    /// Optional: events written before the customer space existed have none.
    /// </summary>
    public string? CustomerSpaceToken { get; init; }

    /// <summary>
    /// The secret that identifies this case's conversation in the address customers reply to (the plus-tag of the
    /// organisation's reply address, <c>reponses+{token}@…</c>; issue 18). Optional: events written before replies by
    /// email existed have none, and their emails carry the plain reply address.
    /// </summary>
    public string? ReplyToken { get; init; }
}

public enum RequestChannel
{
    WebForm = 0,
    Phone = 1,

    /// <summary>An email to the organisation's reply address that belonged to no conversation (issue 18).</summary>
    Email = 2,
}
