using System.Security.Cryptography;
using System.Text;
using CommercialManagement.Contracts.PersonalData;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>
/// An erasure as the Admin follows it: who asked, when, and which services have answered (« Effacement en cours… »
/// until every one of <see cref="ErasedCustomer.Services"/> has). It keeps the customer's email only as a digest (SHA-256
/// of the organisation's id and the address, no secret key): searching the same address again shows that it was erased.
/// Whoever already knows an address can confirm it was erased here, which is what the page shows anyway; nobody can read
/// an address back from it.
/// </summary>
internal sealed class CustomerErasure
{
    private CustomerErasure()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>SHA-256 of the organisation and the lowercased email, hex; empty for an erasure of given cases only (retention).</summary>
    public string EmailDigest { get; private set; } = "";

    public int CaseCount { get; private set; }

    /// <summary>The Admin's name, or « Conservation automatique »; empty while only services' answers are known (they may come first).</summary>
    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset? RequestedAt { get; private set; }

    public List<ErasureAcknowledgement> Acknowledgements { get; private set; } = [];

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>PostgreSQL's row version (xmin): two services' answers handled at once cannot both write from the same read.</summary>
    public uint Version { get; private set; }

    public bool Completed => CompletedAt is not null;

    public static CustomerErasure Of(Guid organisationId, Guid erasureId) => new() { Id = erasureId, OrganisationId = organisationId };

    /// <summary>What was asked, from the event (the gateway's own record, or the retention job's erasure seen here).</summary>
    public void Requested(CustomerErasureRequested requested)
    {
        EmailDigest = requested.CustomerEmail.Length == 0 ? "" : Digest(requested.OrganisationId, requested.CustomerEmail);
        CaseCount = requested.RequestIds.Count;
        RequestedBy = requested.RequestedBy;
        RequestedAt = requested.OccurredAt;
        CompleteIfAll();
    }

    /// <summary>A service answered; its first answer is kept (a redelivery or a second answer changes nothing).</summary>
    public void Acknowledged(CustomerErased erased)
    {
        if (Acknowledgements.Any(a => a.Service == erased.Service))
        {
            return;
        }

        Acknowledgements = [.. Acknowledgements, new ErasureAcknowledgement(erased.Service, erased.RowsChanged, erased.OccurredAt)];
        CompleteIfAll();
    }

    public static string Digest(Guid organisationId, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{organisationId:N}:{ErasedCustomer.Normalise(email)}")));

    private void CompleteIfAll()
    {
        if (CompletedAt is null && RequestedAt is not null && ErasedCustomer.Services.All(s => Acknowledgements.Any(a => a.Service == s)))
        {
            CompletedAt = Acknowledgements.Max(a => a.At);
        }
    }
}

/// <summary>One service's answer: how many of its rows changed, and when.</summary>
internal sealed record ErasureAcknowledgement(string Service, int RowsChanged, DateTimeOffset At);
