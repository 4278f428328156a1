namespace CommercialManagement.Contracts.PersonalData;

/// <summary>
/// An Admin asked that a customer be erased (or the retention job found requests too old to keep): every service
/// anonymises, in its own database and transaction, every row of that customer in the organisation, found by the email
/// (case-insensitive) and by the case ids, then answers with <see cref="CustomerErased"/>. Idempotent: a second delivery
/// finds nothing left to change.
/// </summary>
public sealed record CustomerErasureRequested : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The erasure the gateway follows, service by service.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>
    /// The customer's email, trimmed and lowercased; empty when the erasure is for given cases only (a request received
    /// by phone with no email, or the retention of requests that never became dossiers).
    /// </summary>
    public required string CustomerEmail { get; init; }

    /// <summary>The cases (request ids, which are the dossiers' ids) found for that customer when it was asked.</summary>
    public required IReadOnlyList<Guid> RequestIds { get; init; }

    /// <summary>Who asked it: the Admin's name, or « Conservation automatique » for the retention job.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>
    /// True when only the cases named are erased, never the customer's other cases found by email (the retention of
    /// requests that never became dossiers: the same customer may have a dossier that must be kept).
    /// </summary>
    public bool CasesOnly { get; init; }
}

/// <summary>One service erased what it held of a customer (its rows changed, zero when there was nothing or a redelivery).</summary>
public sealed record CustomerErased : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid ErasureId { get; init; }

    /// <summary>The service that answers: inbox, dossier, quote, payment, notification or gateway.</summary>
    public required string Service { get; init; }

    public required int RowsChanged { get; init; }
}

/// <summary>
/// What an erased customer's fields become, in every service: a name that says what happened, an address that is
/// nobody's and can never be delivered (the reserved <c>.invalid</c> top-level domain, RFC 2606), no phone.
/// </summary>
public static class ErasedCustomer
{
    public const string Name = "Client effacé";

    public const string Email = "client-efface@effacement.invalid";

    /// <summary>The services that answer an erasure, in the order the Settings page lists them.</summary>
    public static readonly IReadOnlyList<string> Services = ["inbox", "dossier", "quote", "payment", "notification", "gateway"];

    /// <summary>An email as erasures compare it: trimmed and lowercased.</summary>
    public static string Normalise(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
