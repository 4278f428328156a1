using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>A commercial case, from the request to the processed order. Its id is the request's id.</summary>
internal sealed class Dossier : ITenantOwned
{
    private Dossier()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DossierStatus Status { get; private set; }

    public RequestChannel Channel { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerEmail { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public DateOnly? Arrival { get; private set; }

    public DateOnly? Departure { get; private set; }

    public int Adults { get; private set; }

    public List<int> ChildrenAges { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A case opens at the request stage when a request arrives, by web form or phone.</summary>
    public static Dossier OpenFrom(RequestReceived request) => new()
    {
        Id = request.RequestId,
        OrganisationId = request.OrganisationId,
        Status = DossierStatus.Request,
        Channel = request.Channel,
        CustomerName = request.CustomerName,
        CustomerEmail = request.CustomerEmail,
        CustomerPhone = request.CustomerPhone,
        Arrival = request.Arrival,
        Departure = request.Departure,
        Adults = request.Adults,
        ChildrenAges = [.. request.ChildrenAges],
        CreatedAt = request.OccurredAt,
    };
}
