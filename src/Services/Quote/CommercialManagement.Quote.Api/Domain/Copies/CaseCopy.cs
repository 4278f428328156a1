using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Quote.Api.Domain.Copies;

/// <summary>
/// The copy of a case the quotes need: the customer, their language and the stay with its party, from
/// <c>RequestReceived</c> then each <c>StayChanged</c> (the latest wins), and when the customer last wrote. Its id is the
/// request's id.
/// </summary>
internal sealed class CaseCopy : ITenantOwned
{
    private CaseCopy()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerEmail { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public string Language { get; private set; } = "fr";

    public DateOnly? Arrival { get; private set; }

    public DateOnly? Departure { get; private set; }

    public int Adults { get; private set; }

    public List<int> ChildrenAges { get; private set; } = [];

    /// <summary>When the stay was last set: a change older than this (or the same one again) is ignored.</summary>
    public DateTimeOffset StayChangedAt { get; private set; }

    /// <summary>
    /// When the customer last wrote in the conversation (<c>CustomerMessagePosted</c>): a sent quote they answered that way
    /// gets no follow-up before its expiry (issue 17).
    /// </summary>
    public DateTimeOffset? CustomerWroteAt { get; private set; }

    public bool HasDates => Arrival is not null && Departure is not null;

    /// <summary>The customer wrote at <paramref name="at"/>; an older message arriving late changes nothing.</summary>
    public void CustomerWrote(DateTimeOffset at)
    {
        if (CustomerWroteAt is null || at > CustomerWroteAt)
        {
            CustomerWroteAt = at;
        }
    }

    public static CaseCopy From(RequestReceived request) => new()
    {
        Id = request.RequestId, OrganisationId = request.OrganisationId, CustomerName = request.CustomerName, CustomerEmail = request.CustomerEmail,
        CustomerPhone = request.CustomerPhone, Language = request.Language, Arrival = request.Arrival, Departure = request.Departure,
        Adults = request.Adults, ChildrenAges = request.ChildrenAges.ToList(), StayChangedAt = request.OccurredAt,
    };

    /// <summary>Applies a change of stay unless a later (or the same) one was applied: returns whether it was.</summary>
    public bool Apply(StayChanged changed)
    {
        if (changed.OccurredAt <= StayChangedAt)
        {
            return false;
        }

        Arrival = changed.Arrival;
        Departure = changed.Departure;
        Adults = changed.Adults;
        ChildrenAges = changed.ChildrenAges.ToList();
        StayChangedAt = changed.OccurredAt;
        return true;
    }
}
